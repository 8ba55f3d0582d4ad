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
