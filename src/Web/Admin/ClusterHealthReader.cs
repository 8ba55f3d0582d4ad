using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;

namespace MyStamp.Web.Admin;

/// <summary>One silo of the cluster as the membership table knows it.</summary>
public sealed record SiloHealth(string Address, string Name, string Status, DateTimeOffset StartedAt, DateTimeOffset LastAliveAt);

/// <summary>How many activations of one grain type the cluster holds.</summary>
public sealed record GrainTypeActivations(string GrainType, int Activations);

/// <summary>The cluster at a glance: silos, activations per grain type, reminders registered.</summary>
public sealed record ClusterHealth(IReadOnlyList<SiloHealth> Silos, IReadOnlyList<GrainTypeActivations> Activations, long Reminders)
{
    public int ActiveSilos => Silos.Count(silo => silo.Status == "Active");
    public int TotalActivations => Activations.Sum(type => type.Activations);
}

/// <summary>
/// Reads cluster health from Orleans' management grain and the reminder count from PostgreSQL (the
/// reminder service has no count of its own; reading every row to count them would not scale).
/// </summary>
public sealed class ClusterHealthReader(IGrainFactory grains, NpgsqlDataSource database, IOptions<ClusterOptions> cluster)
{
    public async Task<ClusterHealth> Read(CancellationToken cancellationToken)
    {
        var management = grains.GetGrain<IManagementGrain>(0);
        var hostsTask = management.GetDetailedHosts(onlyActive: false);
        var statisticsTask = management.GetSimpleGrainStatistics();
        var remindersTask = CountReminders(cancellationToken);
        await Task.WhenAll(hostsTask, statisticsTask, remindersTask);

        var silos = hostsTask.Result
            .OrderBy(entry => entry.Status == SiloStatus.Active ? 0 : 1)
            .ThenByDescending(entry => entry.StartTime)
            .Select(entry => new SiloHealth(
                entry.SiloAddress.ToString(),
                entry.SiloName,
                entry.Status.ToString(),
                new DateTimeOffset(DateTime.SpecifyKind(entry.StartTime, DateTimeKind.Utc)),
                new DateTimeOffset(DateTime.SpecifyKind(entry.IAmAliveTime, DateTimeKind.Utc))))
            .ToList();
        var activations = statisticsTask.Result
            .GroupBy(statistic => statistic.GrainType)
            .Select(type => new GrainTypeActivations(type.Key, type.Sum(statistic => statistic.ActivationCount)))
            .OrderByDescending(type => type.Activations)
            .ThenBy(type => type.GrainType, StringComparer.Ordinal)
            .ToList();
        return new ClusterHealth(silos, activations, remindersTask.Result);
    }

    private async Task<long> CountReminders(CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("SELECT count(*) FROM orleansreminderstable WHERE serviceid = @service");
        command.Parameters.AddWithValue("service", cluster.Value.ServiceId);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
