using Microsoft.Extensions.Logging;
using MyStamp.BuildingBlocks.Errors;
using MyStamp.Customers.Contracts;
using MyStamp.Customers.Profile;

namespace MyStamp.Customers.Accounts;

/// <summary>
/// The customer's sign-in: the password check (with its lock after repeated failures), the session version every
/// request is checked against (ended everywhere on sign-out or a new password), and the e-mail index's question.
/// </summary>
internal sealed partial class CustomerGrain
{
    public Task<bool> HoldsEmailKey(string key) =>
        Task.FromResult(_claiming.Contains(key) || (customer.State.Profile is { } profile && emailKeys.For(profile.Email) == key));

    public async Task<SignedInAccount?> SignIn(string normalisedEmail, string password)
    {
        var profile = customer.State.Profile;
        var credentials = customer.State.Credentials;
        // An index entry left over from an address the customer gave up never signs anyone in.
        if (profile is null || credentials is null || IsBeingErased || EmailAddressRule.Normalise(profile.Email) != normalisedEmail)
        {
            passwords.VerifyAgainstNothing(password);
            return null;
        }
        var (accepted, changed) = credentials.Check(passwords, password, clock.GetUtcNow());
        if (changed)
        {
            await Save();
        }
        if (!accepted)
        {
            LogSignInRefused(CustomerId, credentials.LockedUntil is not null);
            return null;
        }
        return new SignedInAccount(CustomerId, IsAdmin: false, profile.AccountType, customer.State.SessionVersion, profile.Language);
    }

    public async Task<int> EndSessions()
    {
        if (customer.State.Profile is null || IsBeingErased)
        {
            throw DomainException.NotFound("The account");
        }
        customer.State.SessionVersion++;
        await Save();
        await sessions.Changed(CustomerId, admin: false, customer.State.SessionVersion);
        LogSessionsEnded(CustomerId);
        return customer.State.SessionVersion;
    }

    public async Task<int> ChangePassword(string currentPassword, string newPassword)
    {
        if (customer.State.Profile is null || IsBeingErased || customer.State.Credentials is not { } credentials)
        {
            throw DomainException.NotFound("The account");
        }
        var errors = new FieldErrors();
        var password = PasswordRule.Validate(newPassword, errors);
        errors.ThrowIfAny();
        var (accepted, changed) = credentials.Check(passwords, currentPassword ?? "", clock.GetUtcNow());
        if (!accepted)
        {
            if (changed)
            {
                await Save();
            }
            throw DomainException.Invalid("currentPassword", "The current password is not right, or the account is locked for a while after too many attempts.");
        }
        customer.State.Credentials = new Credentials { PasswordHash = passwords.Hash(password!) };
        // A new password ends every session: whoever knew the old one is signed out everywhere.
        customer.State.SessionVersion++;
        await Save();
        await sessions.Changed(CustomerId, admin: false, customer.State.SessionVersion);
        LogPasswordChanged(CustomerId);
        return customer.State.SessionVersion;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Customer {CustomerId}'s sessions were ended")]
    private partial void LogSessionsEnded(Guid customerId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Customer {CustomerId} changed their password; their sessions were ended")]
    private partial void LogPasswordChanged(Guid customerId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in refused for customer {CustomerId} (locked: {Locked})")]
    private partial void LogSignInRefused(Guid customerId, bool locked);
}
