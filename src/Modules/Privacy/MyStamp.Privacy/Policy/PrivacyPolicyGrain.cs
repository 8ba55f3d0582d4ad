using MyStamp.BuildingBlocks.Errors;
using MyStamp.Privacy.Contracts;
using MyStamp.Privacy.Requests;
using Orleans.Concurrency;

namespace MyStamp.Privacy.Policy;

/// <summary>
/// Reads and publishes policy versions. PostgreSQL holds them, so every silo answers from the same data
/// and a stateless worker suffices.
/// </summary>
[StatelessWorker]
internal sealed class PrivacyPolicyGrain(PolicyStore store, TimeProvider clock) : Grain, IPrivacyPolicyGrain
{
    public Task<PolicyVersion> GetCurrent() => store.Current();

    public Task<IReadOnlyList<PolicyVersion>> GetVersions() => store.All();

    public Task<PolicyVersion?> GetVersion(int version) => store.Get(version);

    public Task<PolicyVersion> Publish(PublishPolicyVersion command)
    {
        if (command.PublishedBy == Guid.Empty)
        {
            throw DomainException.Forbidden("Only an admin can publish a policy version.");
        }
        var now = clock.GetUtcNow();
        var today = BrusselsCalendar.DateOf(now);
        return store.Publish(current => PolicyRules.NextVersion(current, command, now, today), command.PublishedBy);
    }
}
