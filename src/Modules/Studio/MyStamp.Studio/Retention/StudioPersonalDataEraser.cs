using MyStamp.BuildingBlocks.Retention;
using MyStamp.Studio.Contracts;

namespace MyStamp.Studio.Retention;

/// <summary>
/// What the Studio keeps about a customer, erased with the customer (O7): each of their designs, with the photo,
/// every image derived from it, the state row, the review-queue entry and the reminder.
/// </summary>
internal sealed class StudioPersonalDataEraser(IGrainFactory grains) : IPersonalDataEraser
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
}
