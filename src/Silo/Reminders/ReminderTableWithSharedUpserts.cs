using Microsoft.Extensions.Options;
using MyStamp.BuildingBlocks.Database;
using Npgsql;
using Orleans.Configuration;

namespace MyStamp.Silo.Reminders;

/// <summary>
/// Orleans' ADO.NET reminder table, with the registrations a node makes at about the same time written by one
/// statement: every order placed registers its own retention reminder (O7), one commit each otherwise. Same table,
/// same rows and versions as the ADO.NET provider's upsert (migration 0004), so reads, removals and the ring's range
/// reads stay with the provider underneath.
/// </summary>
internal sealed class ReminderTableWithSharedUpserts : IReminderTable
{
    private readonly IReminderTable _provider;
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _serviceId;
    private readonly SharedRoundTrip<ReminderEntry, (string GrainId, string Name), string> _upserts;

    public ReminderTableWithSharedUpserts(IReminderTable provider, NpgsqlDataSource dataSource, IOptions<ClusterOptions> cluster)
    {
        _provider = provider;
        _dataSource = dataSource;
        _serviceId = cluster.Value.ServiceId;
        _upserts = new(entry => (entry.GrainId.ToString(), entry.ReminderName), UpsertMany);
    }

    public Task<string?> UpsertRow(ReminderEntry entry) => _upserts.Write(entry)!;

    private async Task<Func<(string GrainId, string Name), string>> UpsertMany(IReadOnlyList<ReminderEntry> entries)
    {
        await using var command = _dataSource.CreateCommand("""
            INSERT INTO orleansreminderstable AS r (serviceid, grainid, remindername, starttime, period, grainhash, version)
            SELECT @service, k.grainid, k.remindername, k.starttime, k.period, k.grainhash, 0
            FROM unnest(@grainid, @remindername, @starttime, @period, @grainhash) AS k(grainid, remindername, starttime, period, grainhash)
            ON CONFLICT (serviceid, grainid, remindername) DO UPDATE
                SET starttime = EXCLUDED.starttime, period = EXCLUDED.period, grainhash = EXCLUDED.grainhash, version = r.version + 1
            RETURNING r.grainid, r.remindername, r.version
            """);
        command.Parameters.AddWithValue("service", _serviceId);
        command.Parameters.AddWithValue("grainid", entries.Select(entry => entry.GrainId.ToString()).ToArray());
        command.Parameters.AddWithValue("remindername", entries.Select(entry => entry.ReminderName).ToArray());
        // The provider's rule: the start is UTC, the period in milliseconds, the hash the grain's uniform hash as a signed int.
        command.Parameters.AddWithValue("starttime", entries.Select(entry => DateTime.SpecifyKind(entry.StartAt, DateTimeKind.Utc)).ToArray());
        command.Parameters.AddWithValue("period", entries.Select(entry => (long)entry.Period.TotalMilliseconds).ToArray());
        command.Parameters.AddWithValue("grainhash", entries.Select(entry => unchecked((int)entry.GrainId.GetUniformHashCode())).ToArray());
        var versions = new Dictionary<(string, string), string>(entries.Count);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            versions[(reader.GetString(0), reader.GetString(1))] = reader.GetInt32(2).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return key => versions[key];
    }

    public Task StartAsync(CancellationToken cancellationToken = default) => _provider.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken = default) => _provider.StopAsync(cancellationToken);

    public Task<ReminderTableData> ReadRows(GrainId grainId) => _provider.ReadRows(grainId);

    public Task<ReminderTableData> ReadRows(uint begin, uint end) => _provider.ReadRows(begin, end);

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) => _provider.ReadRow(grainId, reminderName);

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) => _provider.RemoveRow(grainId, reminderName, eTag);

    public Task TestOnlyClearTable() => _provider.TestOnlyClearTable();

    /// <summary>Puts this table in front of the provider registered as <see cref="IReminderTable"/> (call after registering it).</summary>
    public static void InFrontOfProvider(IServiceCollection services)
    {
        var provider = services.Last(service => service.ServiceType == typeof(IReminderTable));
        services.Remove(provider);
        services.AddSingleton<IReminderTable>(serviceProvider => new ReminderTableWithSharedUpserts(
            provider.ImplementationType is { } type
                ? (IReminderTable)ActivatorUtilities.CreateInstance(serviceProvider, type)
                : (IReminderTable)provider.ImplementationFactory!(serviceProvider),
            serviceProvider.GetRequiredService<NpgsqlDataSource>(),
            serviceProvider.GetRequiredService<IOptions<ClusterOptions>>()));
    }
}
