using MyStamp.Studio.Contracts;
using Orleans.Concurrency;

namespace MyStamp.Studio.Catalog;

/// <summary>Lets the web edge read the design catalog without a database of its own; holds nothing, so any silo answers.</summary>
[StatelessWorker]
internal sealed class DesignCatalogGrain(DesignCatalog catalog) : Grain, IDesignCatalogGrain
{
    public Task<IReadOnlyList<DesignView>> ListForOwner(Guid ownerId, int limit) => catalog.ListForOwner(ownerId, limit);

    public Task<IReadOnlyList<DesignView>> ListByStatus(DesignStatus status, int limit) => catalog.ListByStatus(status, limit);
}
