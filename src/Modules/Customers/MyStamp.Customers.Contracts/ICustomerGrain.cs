using Orleans.Concurrency;

namespace MyStamp.Customers.Contracts;

/// <summary>
/// One customer: owns their personal data, account type, objections and retention state. The key is a
/// random id chosen at registration, never personal data. Other modules use only the methods below.
/// </summary>
[Alias("mystamp.customers.customer")]
public interface ICustomerGrain : IGrainWithGuidKey
{
    /// <summary>The customer's profile, or null when no account exists under this id (never registered, or erased).</summary>
    Task<CustomerProfile?> GetProfile();

    /// <summary>
    /// Tells the customer that orders are being placed at <paramref name="placedAt"/>: the last order is where
    /// the three-year retention counts from (O7). Called before the orders are stored, so that no stored order
    /// is unknown to its customer's erasure. Telling again what the customer already knows writes nothing: a
    /// bulk order tells once per chunk of lines, and each order of the chunk then repeats it for free.
    /// Returns the customer's erasure deadline after the change.
    /// </summary>
    Task<DateTimeOffset> RecordOrdersPlaced(IReadOnlyList<Guid> orderIds, DateTimeOffset placedAt);

    /// <summary>Tells the customer that they uploaded a design, so that erasure can find its photos (O7).</summary>
    Task RecordDesignUploaded(Guid designId);

    /// <summary>The customer's orders, newest first.</summary>
    Task<IReadOnlyList<Guid>> GetOrderIds();

    /// <summary>The customer's designs, newest first.</summary>
    Task<IReadOnlyList<Guid>> GetDesignIds();

    /// <summary>The advertising channels the customer objects to (O4); empty when none.</summary>
    Task<IReadOnlySet<AdvertisingChannel>> GetObjections();

    /// <summary>Records an objection to advertising through the given channels; effective at once and absolute (O4).</summary>
    Task ObjectTo(IReadOnlyList<AdvertisingChannel> channels, ObjectionSource source);

    /// <summary>
    /// Opens the account under this grain's id (chosen by the caller with <c>Guid.CreateVersion7()</c>).
    /// Validates every field (400 with field errors), claims the e-mail address in the hashed index
    /// (409 when another account holds it) and hashes the password. Records the accepted policy version (O11).
    /// </summary>
    Task<CustomerProfile> Register(RegisterCustomer command);

    /// <summary>Rectifies the profile with the same rules as registration; a new e-mail moves the index entry (O8).</summary>
    Task<CustomerAccount> Rectify(ProfileInput changes);

    /// <summary>Everything stored about the customer that they may read back, or null when no account exists.</summary>
    Task<CustomerAccount?> GetAccount();

    /// <summary>The objection per channel: since when and how it reached us (O4); empty when none.</summary>
    Task<IReadOnlyList<ObjectionRecord>> GetObjectionRecords();

    /// <summary>
    /// Changes the language the customer reads the shop and its e-mails in (<see cref="CustomerProfile.Language"/>):
    /// the language switcher calls it for a signed-in customer, and the profile page. 404 when no account exists.
    /// </summary>
    Task ChooseLanguage(CustomerLanguage language);

    /// <summary>Records that the customer accepted a (newer) version of the privacy policy (O11).</summary>
    Task AcceptPolicy(int version);

    /// <summary>
    /// The version of the customer's sign-in sessions, checked on every request that carries a sign-in
    /// cookie: a cookie of another version is signed out. Null when no account exists under this id, or it is
    /// being erased: erasure signs the customer out everywhere (O7). It only reads the state, so it interleaves:
    /// a customer busy with a Pro bulk order of thousands of lines still answers every page quickly.
    /// </summary>
    [AlwaysInterleave]
    Task<int?> GetSessionVersion();

    /// <summary>
    /// Ends every sign-in session of the customer, on every node and every browser: the session version moves on,
    /// so every cookie issued before is refused on its next request. Signing out calls it (a cookie copied before
    /// sign-out must not outlive it), a password change calls it, and an admin can. Returns the new version, for
    /// the cookie of the browser that stays signed in (after a password change); 404 when no account exists.
    /// </summary>
    Task<int> EndSessions();

    /// <summary>
    /// Changes the password: the current one must be right (wrong answers count towards the lock-out), the new one
    /// follows the registration rule. Ends every session (<see cref="EndSessions"/>) and returns the new version.
    /// </summary>
    Task<int> ChangePassword(string currentPassword, string newPassword);

    /// <summary>
    /// Mails a new link that verifies the customer's address (the last one may have expired or gone astray);
    /// 409 when the address is verified already. Until it is verified the customer may sign in but not order.
    /// </summary>
    Task ResendEmailVerification();
}

/// <summary>
/// The sign-in sessions of an admin (staff) account, keyed by the admin's account id. Like a customer's, a session
/// version checked on every request: signing out (or a new password at start-up) moves it on, so a copied admin
/// cookie, which could see everyone's personal data, is refused at once on every node.
/// </summary>
[Alias("mystamp.customers.admin-sessions")]
public interface IAdminSessionsGrain : IGrainWithGuidKey
{
    /// <summary>The admin's session version; null when no admin account exists under this id.</summary>
    [AlwaysInterleave]
    Task<int?> GetSessionVersion();

    /// <summary>Ends every session of the admin; returns the new version.</summary>
    Task<int> EndSessions();
}

/// <summary>
/// Sign-in and look-ups by e-mail address. A stateless worker: call it with key 0. E-mail addresses
/// are looked up through a keyed hash, never stored as a key.
/// </summary>
[Alias("mystamp.customers.accounts")]
public interface IAccountsGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Checks an e-mail address and password. Null when they do not match, when the address is
    /// unknown, or while the account is locked after repeated failures: callers cannot tell which.
    /// </summary>
    Task<SignedInAccount?> SignIn(SignInAttempt attempt);

    /// <summary>The customer holding this e-mail address (any case, surrounding spaces ignored), or null.</summary>
    Task<Guid?> FindCustomerByEmail(string email);

    /// <summary>
    /// Follows a verification link: true once its token verified the address it was mailed to; false for a token that
    /// is unknown, used, expired, or was mailed to an address the customer has since changed.
    /// </summary>
    Task<bool> VerifyEmail(string token);

    /// <summary>
    /// Mails a password-reset link to the account holding this address, if there is one. One-way: the caller's answer
    /// and its time are the same whether the address has an account or not.
    /// </summary>
    [OneWay]
    Task RequestPasswordReset(string email);

    /// <summary>
    /// Sets a new password through a reset link's token (single use, one hour): 400 on <c>token</c> when the link is
    /// not valid (any more), 400 on <c>newPassword</c> when the password breaks the rule (the link stays usable).
    /// Ends every session of the account. Returns the account, to sign this browser in with the new session version.
    /// </summary>
    Task<SignedInAccount> ResetPassword(string token, string newPassword);
}

/// <summary>A consumer or a business (Pro) account; Pro accounts carry a VAT/enterprise number.</summary>
public enum AccountType
{
    Consumer = 0,
    Pro = 1,
}

/// <summary>The channels through which non-personalised advertising may reach a customer (policy § 3).</summary>
public enum AdvertisingChannel
{
    Post = 0,
    Email = 1,
    Phone = 2,
    AdPlatforms = 3,
    Onsite = 4,
}

/// <summary>How an objection reached us: online by the customer, or a signed postal request recorded by an admin.</summary>
public enum ObjectionSource
{
    Online = 0,
    SignedPostalRequest = 1,
}

/// <summary>A postal address, as the policy lists it: street, house number, box, postal code, city, country.</summary>
[GenerateSerializer, Immutable]
[Alias("mystamp.customers.postal-address")]
public sealed record PostalAddress(
    [property: Id(0)] string Street,
    [property: Id(1)] string HouseNumber,
    [property: Id(2)] string? Box,
    [property: Id(3)] string PostalCode,
    [property: Id(4)] string City,
    [property: Id(5)] string Country)
{
    /// <summary>Personal data: never logged.</summary>
    public override string ToString() => "PostalAddress { redacted }";
}

/// <summary>
/// Everything stored about a customer: exactly the categories the policy lists (O1), and the language they chose
/// (for pages and e-mails; Dutch for an account stored before languages existed).
/// </summary>
[GenerateSerializer, Immutable]
[Alias("mystamp.customers.customer-profile")]
public sealed record CustomerProfile(
    [property: Id(0)] Guid CustomerId,
    [property: Id(1)] string FirstName,
    [property: Id(2)] string LastName,
    [property: Id(3)] string Email,
    [property: Id(4)] string Gender,
    [property: Id(5)] DateOnly? BirthDate,
    [property: Id(6)] string? Phone,
    [property: Id(7)] PostalAddress Address,
    [property: Id(8)] AccountType AccountType,
    [property: Id(9)] string? VatNumber,
    [property: Id(10)] int AcceptedPolicyVersion,
    [property: Id(11)] DateTimeOffset RegisteredAt,
    [property: Id(12)] CustomerLanguage Language = CustomerLanguage.Dutch)
{
    /// <summary>Whether the address was confirmed through its mailed link; only a verified customer may order.</summary>
    [Id(20)] public bool EmailVerified { get; init; }

    /// <summary>Personal data: only the id may appear in logs.</summary>
    public override string ToString() => $"CustomerProfile {{ CustomerId = {CustomerId} }}";
}

/// <summary>A postal address as typed by the user, before validation; every part may be missing.</summary>
[GenerateSerializer, Immutable]
[Alias("mystamp.customers.address-input")]
public sealed record AddressInput(
    [property: Id(0)] string? Street,
    [property: Id(1)] string? HouseNumber,
    [property: Id(2)] string? Box,
    [property: Id(3)] string? PostalCode,
    [property: Id(4)] string? City,
    [property: Id(5)] string? Country)
{
    /// <summary>Personal data: never logged.</summary>
    public override string ToString() => "AddressInput { redacted }";
}

/// <summary>
/// The profile fields as typed by the user (registration or rectification), before validation. The
/// module validates and normalises them; a missing required field is a field error, not an exception.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("mystamp.customers.profile-input")]
public sealed record ProfileInput(
    [property: Id(0)] string? FirstName,
    [property: Id(1)] string? LastName,
    [property: Id(2)] string? Email,
    [property: Id(3)] string? Gender,
    [property: Id(4)] DateOnly? BirthDate,
    [property: Id(5)] string? Phone,
    [property: Id(6)] AddressInput? Address,
    [property: Id(7)] AccountType? AccountType,
    [property: Id(8)] string? VatNumber,
    [property: Id(9)] int? AcceptedPolicyVersion)
{
    /// <summary>Personal data: never logged.</summary>
    public override string ToString() => "ProfileInput { redacted }";
}

/// <summary>
/// A registration: the profile plus the password chosen (hashed by the grain, never stored in clear), and the
/// language the customer registered in (the web edge takes it from the request's culture).
/// </summary>
[GenerateSerializer, Immutable]
[Alias("mystamp.customers.register-customer")]
public sealed record RegisterCustomer(
    [property: Id(0)] ProfileInput Profile,
    [property: Id(1)] string? Password,
    [property: Id(2)] CustomerLanguage Language = CustomerLanguage.Dutch)
{
    /// <summary>Personal data and a password: never logged.</summary>
    public override string ToString() => "RegisterCustomer { redacted }";
}

/// <summary>An objection to advertising through one channel: since when, and how it reached us (O4).</summary>
[GenerateSerializer, Immutable]
[Alias("mystamp.customers.objection-record")]
public sealed record ObjectionRecord(
    [property: Id(0)] AdvertisingChannel Channel,
    [property: Id(1)] DateTimeOffset Since,
    [property: Id(2)] ObjectionSource Source);

/// <summary>What a customer can read back about themselves: the profile and their objections.</summary>
[GenerateSerializer, Immutable]
[Alias("mystamp.customers.customer-account")]
public sealed record CustomerAccount(
    [property: Id(0)] CustomerProfile Profile,
    [property: Id(1)] IReadOnlyList<ObjectionRecord> Objections)
{
    /// <summary>Personal data: only the id may appear in logs.</summary>
    public override string ToString() => $"CustomerAccount {{ CustomerId = {Profile.CustomerId} }}";
}

/// <summary>An e-mail address and password offered at sign-in.</summary>
[GenerateSerializer, Immutable]
[Alias("mystamp.customers.sign-in-attempt")]
public sealed record SignInAttempt(
    [property: Id(0)] string Email,
    [property: Id(1)] string Password)
{
    /// <summary>Personal data and a password: never logged.</summary>
    public override string ToString() => "SignInAttempt { redacted }";
}

/// <summary>Who signed in: the account id (the customer id for customers) and what they may do.</summary>
[GenerateSerializer, Immutable]
[Alias("mystamp.customers.signed-in-account")]
/// <param name="SessionVersion">The session version the sign-in cookie is issued for (customers; see <see cref="ICustomerGrain.EndSessions"/>).</param>
/// <param name="Language">The customer's stored language, which the interface switches to on signing in; none for admins.</param>
public sealed record SignedInAccount(
    [property: Id(0)] Guid AccountId,
    [property: Id(1)] bool IsAdmin,
    [property: Id(2)] AccountType? AccountType,
    [property: Id(3)] int SessionVersion = 0,
    [property: Id(4)] CustomerLanguage? Language = null);
