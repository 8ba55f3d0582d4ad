using Microsoft.Extensions.Logging;
using MyStamp.BuildingBlocks.Grains;
using MyStamp.Customers.Contracts;

namespace MyStamp.Customers.Sessions;

/// <summary>
/// Tells every node's <see cref="ISessionVersionListener"/>s that accounts' session versions changed or that the
/// accounts closed, the way the Keys module tells every node's key cache: one call per live node to the
/// <see cref="INodeSessionsGrain"/> that lives on it. A node that does not answer within the listeners' own
/// memory span is not waited for: its memory forgets the old version by then anyway (at most two seconds, README
/// "Sign-out ends the session everywhere"), so the change never waits on a sick node.
/// </summary>
internal sealed partial class SessionBroadcast(IClusterMembershipService membership, IGrainFactory grains, ILogger<SessionBroadcast> logger)
{
    /// <summary>As long as a node may remember a version on its own: waiting longer buys nothing.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);

    public Task Changed(Guid accountId, bool admin, int? version) => Changed([accountId], admin, version);

    public Task Closed(IReadOnlyCollection<Guid> customerIds) => Changed(customerIds, admin: false, version: null);

    private async Task Changed(IReadOnlyCollection<Guid> accountIds, bool admin, int? version)
    {
        if (accountIds.Count == 0)
        {
            return;
        }
        var ids = accountIds as Guid[] ?? accountIds.ToArray();
        var nodes = membership.CurrentSnapshot.Members.Values
            .Where(member => member.Status is SiloStatus.Joining or SiloStatus.Active or SiloStatus.ShuttingDown or SiloStatus.Stopping)
            .Select(member => member.SiloAddress)
            .ToList();
        var calls = nodes.Select(node => grains.GetGrain<INodeSessionsGrain>(node.ToParsableString()).Changed(ids, admin, version)).ToList();
        try
        {
            await Task.WhenAll(calls).WaitAsync(Patience);
        }
        catch (Exception exception)
        {
            LogNotTold(exception, calls.Count(call => !call.IsCompletedSuccessfully), nodes.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A change of session versions did not reach {Failed} of {Nodes} nodes in time; they forget the old versions within two seconds")]
    private partial void LogNotTold(Exception exception, int failed, int nodes);
}

/// <summary>One per node, keyed by the node's silo address: tells that node's <see cref="ISessionVersionListener"/>s.</summary>
[Alias("mystamp.customers.node-sessions")]
internal interface INodeSessionsGrain : IGrainWithStringKey
{
    [Alias("changed")]
    Task Changed(Guid[] accountIds, bool admin, int? version);
}

[OnNamedNodePlacement]
internal sealed class NodeSessionsGrain(IEnumerable<ISessionVersionListener> listeners, ILocalSiloDetails localSilo) : Grain, INodeSessionsGrain
{
    public Task Changed(Guid[] accountIds, bool admin, int? version)
    {
        foreach (var listener in listeners)
        {
            listener.Changed(accountIds, admin, version);
        }
        if (!SiloAddress.FromParsableString(this.GetPrimaryKeyString()).Equals(localSilo.SiloAddress))
        {
            // Placed elsewhere because the named node was not active yet or is gone: never stay misplaced. That node's
            // memory, if it has one yet, forgets the old version within its span.
            DeactivateOnIdle();
        }
        return Task.CompletedTask;
    }
}
