using MyStamp.Customers.Contracts;
using MyStamp.Keys.Contracts;

namespace MyStamp.Customers.Accounts;

/// <summary>The state of one customer, stored under its own state name.</summary>
[GenerateSerializer]
[Alias("mystamp.customers.customer-state")]
public sealed class CustomerState : IPersonalState
{
    /// <summary>
    /// Sealed under the customer's own key (the grain's key is the customer id). While an erasure runs, what is
    /// left (ids, index hashes, progress) is sealed under a key of the erasure's own, since the customer's key is
    /// destroyed first.
    /// </summary>
    Guid? IPersonalState.DataSubject => Retention.Erasure is { RecordKey: var key } && key != Guid.Empty ? key : null;

    /// <summary>Exactly the categories of O1; null until registered.</summary>
    [Id(0)] public CustomerProfile? Profile { get; set; }
    [Id(1)] public List<Guid> OrderIds { get; set; } = [];
    [Id(2)] public List<Guid> DesignIds { get; set; } = [];
    /// <summary>The channels objected to (O4): absolute, never removed by the shop.</summary>
    [Id(3)] public HashSet<AdvertisingChannel> Objections { get; set; } = [];
    [Id(4)] public DateTimeOffset? LastOrderAt { get; set; }
    [Id(5)] internal Credentials? Credentials { get; set; }
    /// <summary>Since when and how each objection reached us, one record per channel.</summary>
    [Id(6)] public List<ObjectionRecord> ObjectionRecords { get; set; } = [];
    /// <summary>
    /// Index keys of e-mail addresses the customer gave up and that the index may still list: saved
    /// with the new address, released afterwards, retried after a crash.
    /// </summary>
    [Id(7)] public List<string> EmailKeysToRelease { get; set; } = [];
    /// <summary>O7: the erasure deadline, the notice given for it, and an erasure in progress.</summary>
    [Id(8)] public CustomerRetention Retention { get; set; } = new();
    /// <summary>Sign-in cookies carry the version they were issued for; another version is signed out on its next request.</summary>
    [Id(9)] public int SessionVersion { get; set; }
    /// <summary>
    /// The address has not been confirmed through its mailed link yet: set at registration and at every change of
    /// address. Stored this way round so that accounts from before verification existed keep ordering.
    /// </summary>
    [Id(15)] public bool EmailAwaitsVerification { get; set; }
}
