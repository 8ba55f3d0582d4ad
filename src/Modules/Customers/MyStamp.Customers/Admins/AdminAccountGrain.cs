using MyStamp.BuildingBlocks.Errors;
using MyStamp.BuildingBlocks.Grains;
using MyStamp.Customers.Accounts;
using MyStamp.Customers.Contracts;
using MyStamp.Customers.EmailIndex;
using MyStamp.Customers.Profile;
using MyStamp.Keys.Contracts;

namespace MyStamp.Customers.Admins;

/// <summary>
/// An admin account: an e-mail address and a password, no customer profile. Admins are staff, so
/// nothing of the customer categories (O1) is asked of them.
/// </summary>
[Alias("mystamp.customers.admin-account")]
internal interface IAdminAccountGrain : IEmailHolderGrain
{
    /// <summary>Creates the account, or sets its password when it changed; idempotent, so every node may call it at start-up.</summary>
    Task Seed(string email, string password);
}

/// <summary>
/// A staff member's address and password hash are personal data too: the state is sealed under the admin's own
/// key (the grain's id) like a customer's, so the address is in no row, WAL segment or backup in plaintext.
/// </summary>
[GenerateSerializer]
[Alias("mystamp.customers.admin-account-state")]
internal sealed class AdminAccountState : IPersonalState
{
    Guid? IPersonalState.DataSubject => null;

    [Id(0)] public string? Email { get; set; }
    [Id(1)] public Credentials? Credentials { get; set; }
    /// <summary>Sign-in cookies carry the version they were issued for; signing out or a new password moves it on.</summary>
    [Id(2)] public int SessionVersion { get; set; }
}

internal sealed class AdminAccountGrain(
    [PersistentState("customers-admin-account", GrainStorage.Name)] IPersistentState<AdminAccountState> admin,
    EmailKeys emailKeys,
    Passwords passwords,
    TimeProvider clock) : Grain, IAdminAccountGrain, IAdminSessionsGrain
{
    private readonly HashSet<string> _claiming = new(StringComparer.Ordinal);

    /// <summary>
    /// An admin's id follows from the index key of its address, so that nodes seeding the same admin at
    /// the same time meet in one grain. The key is an HMAC: the id reveals nothing of the address.
    /// </summary>
    public static Guid IdFor(string emailKey) => Guid.ParseExact(emailKey[..32], "N");

    public async Task Seed(string email, string password)
    {
        var normalised = EmailAddressRule.Normalise(email);
        var key = emailKeys.For(normalised);
        if (IdFor(key) != this.GetPrimaryKey())
        {
            throw new InvalidOperationException("An admin account is seeded under the id its e-mail address gives.");
        }
        _claiming.Add(key);
        try
        {
            if (!await GrainFactory.GetGrain<IEmailIndexGrain>(key).Claim(this.GetPrimaryKey(), AccountKind.Admin))
            {
                throw DomainException.Conflict("The admin e-mail address belongs to a customer account.");
            }
        }
        finally
        {
            _claiming.Remove(key);
        }
        var changed = false;
        if (admin.State.Email != normalised)
        {
            admin.State.Email = normalised;
            changed = true;
        }
        if (admin.State.Credentials is not { } credentials || !passwords.Verify(credentials.PasswordHash, password))
        {
            var hadPassword = admin.State.Credentials is not null;
            admin.State.Credentials = new Credentials { PasswordHash = passwords.Hash(password) };
            if (hadPassword)
            {
                // A new password ends every session signed in with the old one.
                admin.State.SessionVersion++;
            }
            changed = true;
        }
        // Written only when something changed: nodes starting together must not race on an unchanged row.
        if (changed)
        {
            await admin.WriteStateAsync();
        }
    }

    public Task<bool> HoldsEmailKey(string key) =>
        Task.FromResult(_claiming.Contains(key) || (admin.State.Email is { } email && emailKeys.For(email) == key));

    public async Task<SignedInAccount?> SignIn(string normalisedEmail, string password)
    {
        if (admin.State.Email != normalisedEmail || admin.State.Credentials is not { } credentials)
        {
            passwords.VerifyAgainstNothing(password);
            return null;
        }
        var (accepted, changed) = credentials.Check(passwords, password, clock.GetUtcNow());
        if (changed)
        {
            await admin.WriteStateAsync();
        }
        return accepted ? new SignedInAccount(this.GetPrimaryKey(), IsAdmin: true, AccountType: null, admin.State.SessionVersion) : null;
    }

    public Task<int?> GetSessionVersion() =>
        Task.FromResult<int?>(admin.State.Email is null || admin.State.Credentials is null ? null : admin.State.SessionVersion);

    public async Task<int> EndSessions()
    {
        if (admin.State.Email is null)
        {
            throw DomainException.NotFound("The admin account");
        }
        admin.State.SessionVersion++;
        await admin.WriteStateAsync();
        return admin.State.SessionVersion;
    }
}
