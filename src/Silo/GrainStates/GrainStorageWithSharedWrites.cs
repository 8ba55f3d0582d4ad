using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using MyStamp.BuildingBlocks.Database;
using Npgsql;
using Orleans.Configuration;
using Orleans.Storage;

namespace MyStamp.Silo.GrainStates;

/// <summary>
/// Orleans' ADO.NET grain storage, with the state writes a node makes at about the same time sent as one statement:
/// placing an order writes the customer's state and then the order's, one commit each otherwise, and sixteen
/// requests at once mean sixteen commits at every step. Each row still goes through the provider's own write function
/// (migration 0003: the version check, the create that loses to another activation) with the provider's keys and
/// hashes, so every grain sees exactly what it would alone: its new version, or an
/// <see cref="InconsistentStateException"/>. Reads and clears stay with the provider underneath.
/// </summary>
internal sealed class GrainStorageWithSharedWrites : IGrainStorage
{
    /// <summary>States are larger than index rows (a sealed customer state holds its order list): smaller statements.</summary>
    private const int RowsPerStatement = 100;

    private readonly IGrainStorage _provider;
    private readonly string _providerName;
    private readonly AdoNetGrainStorageOptions _options;
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _serviceId;
    private readonly SharedRoundTrip<StateRow, long, int?> _writes;
    private long _lastWrite;

    public GrainStorageWithSharedWrites(IGrainStorage provider, string providerName, AdoNetGrainStorageOptions options, NpgsqlDataSource dataSource, string serviceId)
    {
        _provider = provider;
        _providerName = providerName;
        _options = options;
        _dataSource = dataSource;
        _serviceId = serviceId;
        _writes = new(row => row.Write, WriteMany, RowsPerStatement);
    }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => _provider.ReadStateAsync(stateName, grainId, grainState);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => _provider.ClearStateAsync(stateName, grainId, grainState);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        // A generic state type's name is normalised by the provider first; none of ours is generic, so leave those to it.
        if (stateName.Contains('`', StringComparison.Ordinal))
        {
            await _provider.WriteStateAsync(stateName, grainId, grainState);
            return;
        }
        var key = RowKey.Of(grainId);
        var hasher = _options.HashPicker.PickHasher(_serviceId, _providerName, stateName, grainId, grainState)
            ?? throw new InvalidOperationException($"The grain storage '{_providerName}' has no hasher for '{stateName}'.");
        int? sentVersion = string.IsNullOrWhiteSpace(grainState.ETag) ? null : int.Parse(grainState.ETag, CultureInfo.InvariantCulture);
        var row = new StateRow(
            Interlocked.Increment(ref _lastWrite),
            hasher.Hash(key.HashBytes()), key.N0, key.N1,
            hasher.Hash(Encoding.UTF8.GetBytes(stateName)), stateName, key.Extension,
            sentVersion,
            _options.GrainStorageSerializer.Serialize(grainState.State).ToArray());
        var written = await _writes.Write(row);
        // The provider's rule: the version sent back unchanged (or none, for a create) means the row was not written.
        if (written is null || written == sentVersion)
        {
            throw new InconsistentStateException(
                $"Version conflict (WriteState): ServiceId={_serviceId} ProviderName={_providerName} GrainType={stateName} GrainId={grainId} ETag={grainState.ETag}.");
        }
        grainState.ETag = written.Value.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    private async Task<Func<long, int?>> WriteMany(IReadOnlyList<StateRow> rows)
    {
        // Rows in a fixed order: two statements touching the same rows (an activation racing on another node) take
        // their locks in the same order and cannot deadlock.
        var ordered = rows.OrderBy(row => row.N0).ThenBy(row => row.N1).ThenBy(row => row.Write).ToList();
        await using var command = _dataSource.CreateCommand("""
            SELECT k.write, w.newgrainstateversion
            FROM unnest(@write, @idhash, @n0, @n1, @typehash, @type, @extension, @version, @payload)
                 AS k(write, idhash, n0, n1, typehash, type, extension, version, payload)
            CROSS JOIN LATERAL orleans_storage_write(k.idhash, k.n0, k.n1, k.typehash, k.type, k.extension, @service, k.version, k.payload) AS w
            """);
        command.Parameters.AddWithValue("write", ordered.Select(row => row.Write).ToArray());
        command.Parameters.AddWithValue("idhash", ordered.Select(row => row.IdHash).ToArray());
        command.Parameters.AddWithValue("n0", ordered.Select(row => row.N0).ToArray());
        command.Parameters.AddWithValue("n1", ordered.Select(row => row.N1).ToArray());
        command.Parameters.AddWithValue("typehash", ordered.Select(row => row.TypeHash).ToArray());
        command.Parameters.AddWithValue("type", ordered.Select(row => row.StateName).ToArray());
        command.Parameters.AddWithValue("extension", ordered.Select(row => row.Extension).ToArray());
        command.Parameters.AddWithValue("version", ordered.Select(row => row.Version).ToArray());
        command.Parameters.AddWithValue("payload", ordered.Select(row => row.Payload).ToArray());
        command.Parameters.AddWithValue("service", _serviceId);
        var written = new Dictionary<long, int?>(rows.Count);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            written[reader.GetInt64(0)] = reader.IsDBNull(1) ? null : reader.GetInt32(1);
        }
        return write => written[write];
    }

    /// <summary>One state write; <see cref="Write"/> numbers it, so that each caller gets its own row's answer.</summary>
    private sealed record StateRow(long Write, int IdHash, long N0, long N1, int TypeHash, string StateName, string? Extension, int? Version, byte[] Payload);

    /// <summary>
    /// How the ADO.NET provider keys a grain's row: a Guid key as the two 64-bit halves of its bytes, an integer key
    /// as the second half, a string key whole in the extension column; the hash over the key's bytes (and the
    /// extension's), reversed on a little-endian machine.
    /// </summary>
    private readonly record struct RowKey(long N0, long N1, string? Extension, Guid? Guid, bool IsString)
    {
        public static RowKey Of(GrainId grainId)
        {
            if (grainId.TryGetGuidKey(out var guid, out var guidExtension))
            {
                var bytes = guid.ToByteArray();
                return new(BitConverter.ToInt64(bytes, 0), BitConverter.ToInt64(bytes, 8), guidExtension, guid, false);
            }
            if (grainId.TryGetIntegerKey(out var integer, out var integerExtension))
            {
                return new(0, integer, integerExtension, null, false);
            }
            return new(0, 0, grainId.Key.ToString(), null, true);
        }

        public byte[] HashBytes()
        {
            var bytes = IsString ? Encoding.UTF8.GetBytes(Extension!)
                : (Guid is { } guid ? guid.ToByteArray() : BitConverter.GetBytes(N1)).Concat(Extension is null ? [] : Encoding.UTF8.GetBytes(Extension)).ToArray();
            if (BitConverter.IsLittleEndian)
            {
                Array.Reverse(bytes);
            }
            return bytes;
        }
    }

    /// <summary>
    /// Registers the storage <paramref name="name"/>: the ADO.NET storage <paramref name="providerName"/> (registered
    /// separately) with shared writes.
    /// </summary>
    public static void Add(IServiceCollection services, string name, string providerName) =>
        services.AddKeyedSingleton<IGrainStorage>(name, (provider, _) => new GrainStorageWithSharedWrites(
            provider.GetRequiredKeyedService<IGrainStorage>(providerName),
            providerName,
            provider.GetRequiredService<IOptionsMonitor<AdoNetGrainStorageOptions>>().Get(providerName),
            provider.GetRequiredService<NpgsqlDataSource>(),
            provider.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId));
}
