using MyStamp.BuildingBlocks.Errors;
using MyStamp.Customers.Contracts;
using MyStamp.Privacy.Contracts;
using Orleans.Concurrency;

namespace MyStamp.Privacy.Audience;

/// <summary>Enrols customers and exports the audience of a channel, reading each customer's objections at that moment.</summary>
[StatelessWorker]
internal sealed class AdvertisingAudienceGrain(AudienceStore store, TimeProvider clock, IGrainFactory grains) : Grain, IAdvertisingAudienceGrain
{
    private const int Parallelism = 16;

    public Task Enrol(Guid customerId) => store.Enrol(customerId, clock.GetUtcNow());

    public async Task<AudienceExport> Export(AudienceExportRequest request)
    {
        if (request.RequestedBy == Guid.Empty)
        {
            throw DomainException.Forbidden("Only an admin exports an audience.");
        }
        AudienceCsv.Validate(request);
        var members = await store.Members();
        var candidates = new List<AudienceCandidate>(members.Count);
        foreach (var batch in members.Chunk(Parallelism))
        {
            candidates.AddRange((await Task.WhenAll(batch.Select(Candidate))).OfType<AudienceCandidate>());
        }
        return AudienceCsv.Build(request, candidates);
    }

    private async Task<AudienceCandidate?> Candidate(Guid customerId)
    {
        var profile = await grains.GetGrain<ICustomerGrain>(customerId).GetProfile();
        if (profile is null)
        {
            return null; // erased, or not (yet) registered
        }
        var privacy = grains.GetGrain<ICustomerPrivacyGrain>(customerId);
        return new AudienceCandidate(profile, await privacy.GetObjections(), await privacy.IsRestricted());
    }
}
