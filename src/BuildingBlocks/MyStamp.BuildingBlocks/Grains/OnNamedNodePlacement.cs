using Orleans.Placement;
using Orleans.Runtime.Placement;

namespace MyStamp.BuildingBlocks.Grains;

/// <summary>
/// Places a grain on the node its string key names (a silo address, <c>SiloAddress.ToParsableString()</c>), or on
/// the calling node when that node is gone. For the grains that tell one node's memory something: each node's
/// cache of data keys (Keys) and of session versions (Customers). The Silo registers the director once.
/// </summary>
[GenerateSerializer]
[Alias("mystamp.keys.on-named-node")]
public sealed class OnNamedNodePlacementStrategy : PlacementStrategy;

[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class OnNamedNodePlacementAttribute() : PlacementAttribute(new OnNamedNodePlacementStrategy());

public sealed class OnNamedNodePlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var compatible = context.GetCompatibleSilos(target);
        var named = SiloAddress.FromParsableString(target.GrainIdentity.Key.ToString()!);
        // A node that is gone took its memory with it: any node will do to answer the call.
        return Task.FromResult(compatible.Contains(named) ? named : context.LocalSilo);
    }
}
