using Orleans.Concurrency;

namespace MyStamp.Customers.Contracts;

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
