using System.Collections.Concurrent;
using MyStamp.Customers.Contracts;

namespace MyStamp.Web.Security;

/// <summary>
/// This node's short memory of each account's session version, so that a signed-in request does not cost a grain call
/// (often to another node) every time. An answer is kept for <see cref="Lifetime"/>. A customer's session ended
/// anywhere (sign-out everywhere, new password, an admin, an erasure by request, reminder or the nightly sweep) stops
/// working here at once: the Customers module tells every node's memory (<see cref="ISessionVersionListener"/>).
/// The lifetime is the bound only when that news does not arrive (a node that did not answer in time). Versions only
/// grow, and a closed account stays closed, so a slow read that finishes after a newer answer never brings an old
/// version back.
/// </summary>
public sealed class SessionVersions(IGrainFactory grains, TimeProvider clock) : ISessionVersionListener
{
    /// <summary>The longest a session ended on another node keeps working here (README, "Sign-out ends the session everywhere").</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(2);

    /// <summary>Above this many remembered accounts, expired answers are dropped before another is added.</summary>
    private const int PruneAbove = 50_000;

    private readonly ConcurrentDictionary<(Guid AccountId, bool Admin), Known> _known = new();

    private readonly record struct Known(int? Version, DateTimeOffset Until);

    /// <summary>The account's session version (null: the account is closed), from memory when it is fresh enough.</summary>
    public async ValueTask<int?> Current(Guid accountId, bool admin)
    {
        var now = clock.GetUtcNow();
        if (_known.TryGetValue((accountId, admin), out var known) && known.Until > now)
        {
            return known.Version;
        }
        var version = admin
            ? await grains.GetGrain<IAdminSessionsGrain>(accountId).GetSessionVersion()
            : await grains.GetGrain<ICustomerGrain>(accountId).GetSessionVersion();
        return Remember(accountId, admin, version);
    }

    /// <summary>What the path that changed the version learnt (sign-out, new password, an admin's end of sessions).</summary>
    public int? Remember(Guid accountId, bool admin, int? version)
    {
        if (_known.Count > PruneAbove)
        {
            Prune();
        }
        var until = clock.GetUtcNow() + Lifetime;
        return _known.AddOrUpdate((accountId, admin), new Known(version, until), (_, existing) =>
            existing.Until <= clock.GetUtcNow() ? new Known(version, until) : new Known(Later(existing.Version, version), until)).Version;
    }

    /// <summary>News from the node that changed the accounts' versions (or closed them).</summary>
    public void Changed(IReadOnlyCollection<Guid> accountIds, bool admin, int? version)
    {
        foreach (var accountId in accountIds)
        {
            Remember(accountId, admin, version);
        }
    }

    /// <summary>The later of two answers: a closed account (null) stays closed, otherwise the higher version.</summary>
    private static int? Later(int? known, int? fresh) => known is null || fresh is null ? null : Math.Max(known.Value, fresh.Value);

    private void Prune()
    {
        var now = clock.GetUtcNow();
        foreach (var (key, known) in _known)
        {
            if (known.Until <= now)
            {
                _known.TryRemove(new KeyValuePair<(Guid, bool), Known>(key, known));
            }
        }
    }
}
