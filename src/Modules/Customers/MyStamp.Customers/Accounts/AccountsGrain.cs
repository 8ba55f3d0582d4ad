using MyStamp.Customers.Contracts;
using MyStamp.Customers.EmailIndex;
using MyStamp.Customers.Mail;
using MyStamp.Customers.Profile;
using Orleans.Concurrency;

namespace MyStamp.Customers.Accounts;

/// <summary>
/// Sign-in and look-up by e-mail address. Stateless: it hashes the address into its index key, asks
/// the index who holds it, and lets that account check the password. Every path costs one password
/// verification, so an unknown address answers as slowly as a wrong password.
/// </summary>
[StatelessWorker]
internal sealed class AccountsGrain(EmailKeys emailKeys, Passwords passwords, AccountTokens tokens) : Grain, IAccountsGrain
{
    public async Task<SignedInAccount?> SignIn(SignInAttempt attempt)
    {
        var email = attempt.Email ?? "";
        var password = attempt.Password ?? "";
        if (password.Length > PasswordRule.MaxLength)
        {
            password = password[..PasswordRule.MaxLength];
        }
        var entry = IsPlausible(email) ? await Index(email).Lookup() : null;
        if (entry is null)
        {
            passwords.VerifyAgainstNothing(password);
            return null;
        }
        return await EmailIndexGrain.HolderOf(GrainFactory, entry.AccountId, entry.Kind).SignIn(EmailAddressRule.Normalise(email), password);
    }

    public async Task<Guid?> FindCustomerByEmail(string email)
    {
        if (!IsPlausible(email ?? ""))
        {
            return null;
        }
        var key = emailKeys.For(email!);
        var entry = await GrainFactory.GetGrain<IEmailIndexGrain>(key).Lookup();
        if (entry is not { Kind: AccountKind.Customer })
        {
            return null;
        }
        // The entry may be one the customer gave up a moment ago: ask them.
        return await GrainFactory.GetGrain<ICustomerAccountGrain>(entry.AccountId).HoldsEmailKey(key) ? entry.AccountId : null;
    }

    public async Task<bool> VerifyEmail(string token)
    {
        // Used up even when the address changed since: a link verifies once, and only the address it was mailed to.
        var redeemed = await tokens.Redeem(token, TokenPurpose.VerifyEmail);
        return redeemed is not null && await GrainFactory.GetGrain<ICustomerAccountGrain>(redeemed.CustomerId).ConfirmEmail(redeemed.EmailKey);
    }

    public async Task RequestPasswordReset(string email)
    {
        if (await FindCustomerByEmail(email) is { } customerId)
        {
            await GrainFactory.GetGrain<ICustomerAccountGrain>(customerId).SendPasswordReset();
        }
    }

    public async Task<SignedInAccount> ResetPassword(string token, string newPassword)
    {
        var holder = await tokens.Peek(token, TokenPurpose.ResetPassword) ?? throw CustomerGrain.InvalidResetLink();
        var customer = GrainFactory.GetGrain<ICustomerGrain>(holder.CustomerId);
        var version = await GrainFactory.GetGrain<ICustomerAccountGrain>(holder.CustomerId).ResetPassword(token, newPassword ?? "");
        var profile = await customer.GetProfile() ?? throw CustomerGrain.InvalidResetLink();
        return new SignedInAccount(holder.CustomerId, IsAdmin: false, profile.AccountType, version, profile.Language);
    }

    private IEmailIndexGrain Index(string email) => GrainFactory.GetGrain<IEmailIndexGrain>(emailKeys.For(email));

    private static bool IsPlausible(string email) => email.Length <= EmailAddressRule.MaxLength + 8 && EmailAddressRule.IsValid(email.Trim());
}
