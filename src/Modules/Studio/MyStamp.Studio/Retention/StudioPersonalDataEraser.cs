using Microsoft.Extensions.Options;
using MyStamp.BuildingBlocks.Grains;
using MyStamp.Retention.Contracts;
using MyStamp.Studio.Contracts;
using Npgsql;
using Orleans.Configuration;

namespace MyStamp.Studio.Retention;

/// <summary>
/// What the Studio keeps about a customer, erased with the customer (O7): each of their designs, with the photo,
/// every image derived from it, the state row, the design catalog's row and the reminder.
/// </summary>
internal sealed class StudioPersonalDataEraser(NpgsqlDataSource dataSource, IGrainFactory grains, IOptions<ClusterOptions> cluster) : IPersonalDataEraser
{
    /// <summary>How many designs of one customer are erased at once.</summary>
    private const int EraseAtOnce = 8;

    public string Name => "studio";

    public async Task EraseCustomer(ErasedCustomer customer, CancellationToken cancellationToken = default)
    {
        foreach (var batch in customer.DesignIds.Chunk(EraseAtOnce))
        {
            await Task.WhenAll(batch.Select(designId => grains.GetGrain<IDesignGrain>(designId).Erase()));
        }
    }

    /// <summary>
    /// The sweep's batch, once the owners' keys are destroyed (photos, derived images and states were sealed under
    /// them): every design's images, catalog row, state row and reminder in one transaction, one statement
    /// per table, without activating a design.
    /// </summary>
    public async Task EraseCustomers(IReadOnlyList<ErasedCustomer> customers, CancellationToken cancellationToken = default)
    {
        var designIds = customers.SelectMany(customer => customer.DesignIds).Distinct().ToArray();
        if (designIds.Length == 0)
        {
            return;
        }
        var blobs = new NpgsqlBatchCommand("DELETE FROM studio_design_blobs WHERE design_id = ANY(@designs)");
        blobs.Parameters.AddWithValue("designs", designIds);
        var catalog = new NpgsqlBatchCommand("DELETE FROM studio_design_catalog WHERE design_id = ANY(@designs)");
        catalog.Parameters.AddWithValue("designs", designIds);
        await GrainRows.Run(dataSource,
        [
            blobs,
            catalog,
            GrainRows.DeleteStates("studio-design", designIds),
            GrainRows.DeleteReminders(cluster.Value.ServiceId, designIds.Select(id => grains.GetGrain<IDesignGrain>(id).GetGrainId())),
        ], cancellationToken);
    }
}
