using Microsoft.Extensions.Logging;
using MyStamp.BuildingBlocks.Grains;

namespace MyStamp.Keys.Cache;

/// <summary>
/// Tells every node of the cluster to forget destroyed keys: one call per node to the <see cref="INodeKeyCacheGrain"/>
/// that lives on it (keyed by the node's silo address, placed there by <see cref="OnNamedNodePlacement"/>). Every
/// member that is not dead is called, joining and stopping ones included; a node that cannot be reached fails the
/// erasure, which is retried (its keys are gone from the store already, so the retry only evicts again). A node
/// that died has no cache left; a node that joined after the eviction reads the store, where the keys are gone.
/// </summary>
internal sealed partial class KeyEviction(IClusterMembershipService membership, IGrainFactory grains, ILogger<KeyEviction> logger)
{
    public async Task EvictEverywhere(IReadOnlyCollection<Guid> subjects)
    {
        if (subjects.Count == 0)
        {
            return;
        }
        var nodes = membership.CurrentSnapshot.Members.Values
            .Where(member => member.Status is SiloStatus.Created or SiloStatus.Joining or SiloStatus.Active or SiloStatus.ShuttingDown or SiloStatus.Stopping)
            .Select(member => member.SiloAddress)
            .ToList();
        var batch = subjects as Guid[] ?? subjects.ToArray();
        var calls = nodes.Select(node => grains.GetGrain<INodeKeyCacheGrain>(node.ToParsableString()).Evict(batch)).ToList();
        try
        {
            await Task.WhenAll(calls);
        }
        catch (Exception exception)
        {
            LogEvictionFailed(exception, calls.Count(call => call.IsFaulted), nodes.Count);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Destroyed data keys could not be evicted from {Failed} of {Nodes} nodes; the erasure is retried")]
    private partial void LogEvictionFailed(Exception exception, int failed, int nodes);
}

/// <summary>One per node, keyed by the node's silo address: evicts destroyed keys from that node's <see cref="NodeKeyCache"/>.</summary>
[Alias("mystamp.keys.node-key-cache")]
internal interface INodeKeyCacheGrain : IGrainWithStringKey
{
    [Alias("evict")]
    Task Evict(Guid[] subjects);
}

[OnNamedNodePlacement]
internal sealed class NodeKeyCacheGrain(NodeKeyCache cache, ILocalSiloDetails localSilo, IClusterMembershipService membership) : Grain, INodeKeyCacheGrain
{
    public Task Evict(Guid[] subjects)
    {
        cache.Evict(subjects);
        var named = SiloAddress.FromParsableString(this.GetPrimaryKeyString());
        if (named.Equals(localSilo.SiloAddress))
        {
            return Task.CompletedTask;
        }
        // Placed elsewhere because the named node was not active yet (or is gone): never stay misplaced, and when that
        // node is active by now, fail so that the erasure's retry reaches its cache.
        DeactivateOnIdle();
        return membership.CurrentSnapshot.GetSiloStatus(named) == SiloStatus.Active
            ? Task.FromException(new InvalidOperationException("The key cache of a node that just became active was not reached; retry."))
            : Task.CompletedTask;
    }
}
