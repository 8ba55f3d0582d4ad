using Npgsql;

namespace MyStamp.BuildingBlocks.Grains;

/// <summary>
/// Set-based deletion of grain rows for the batch erasure (O7): the state rows Orleans' ADO.NET storage keeps in
/// <c>orleansstorage</c> (a Guid key is stored as the two 64-bit halves of its bytes, <c>grainidn0</c> and
/// <c>grainidn1</c>, under the state's name in <c>graintypestring</c>) and the reminders of
/// <c>orleansreminderstable</c> (keyed by the grain id's text, <c>type/key</c>). One statement per table and batch,
/// without activating a grain. Only for grains that are not active: an activation keeps its state in memory.
/// </summary>
public static class GrainRows
{
    /// <summary>Deletes the state rows named <paramref name="stateName"/> of the grains keyed by <paramref name="ids"/>.</summary>
    public static NpgsqlBatchCommand DeleteStates(string stateName, IReadOnlyCollection<Guid> ids)
    {
        var halves = ids.Select(Halves).ToArray();
        var n0 = halves.Select(half => half.N0).ToArray();
        var n1 = halves.Select(half => half.N1).ToArray();
        var command = new NpgsqlBatchCommand("""
            DELETE FROM orleansstorage s USING unnest(@n0, @n1) AS k(n0, n1)
            WHERE s.grainidn0 = k.n0 AND s.grainidn1 = k.n1 AND s.graintypestring = @state
            """);
        command.Parameters.AddWithValue("n0", n0);
        command.Parameters.AddWithValue("n1", n1);
        command.Parameters.AddWithValue("state", stateName);
        return command;
    }

    /// <summary>Deletes every reminder of these grains (their ids as text, <c>GrainId.ToString()</c>).</summary>
    public static NpgsqlBatchCommand DeleteReminders(string serviceId, IEnumerable<GrainId> grains)
    {
        var command = new NpgsqlBatchCommand("DELETE FROM orleansreminderstable WHERE serviceid = @service AND grainid = ANY(@grains)");
        command.Parameters.AddWithValue("service", serviceId);
        command.Parameters.AddWithValue("grains", grains.Select(grain => grain.ToString()).ToArray());
        return command;
    }

    /// <summary>Deletes the state rows named <paramref name="stateName"/> of string-keyed grains (the key is stored whole in <c>grainidextensionstring</c>).</summary>
    public static NpgsqlBatchCommand DeleteStringKeyedStates(string stateName, IReadOnlyCollection<string> keys)
    {
        var command = new NpgsqlBatchCommand("DELETE FROM orleansstorage WHERE graintypestring = @state AND grainidn0 = 0 AND grainidn1 = 0 AND grainidextensionstring = ANY(@keys)");
        command.Parameters.AddWithValue("state", stateName);
        command.Parameters.AddWithValue("keys", keys.ToArray());
        return command;
    }

    /// <summary>Which of these Guid-keyed grains have a state row named <paramref name="stateName"/>.</summary>
    public static async Task<List<Guid>> Existing(NpgsqlDataSource dataSource, string stateName, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        var byHalves = new Dictionary<(long, long), Guid>(ids.Count);
        foreach (var id in ids)
        {
            byHalves[Halves(id)] = id;
        }
        await using var command = dataSource.CreateCommand("""
            SELECT s.grainidn0, s.grainidn1 FROM orleansstorage s JOIN unnest(@n0, @n1) AS k(n0, n1) ON s.grainidn0 = k.n0 AND s.grainidn1 = k.n1
            WHERE s.graintypestring = @state
            """);
        command.Parameters.AddWithValue("n0", byHalves.Keys.Select(key => key.Item1).ToArray());
        command.Parameters.AddWithValue("n1", byHalves.Keys.Select(key => key.Item2).ToArray());
        command.Parameters.AddWithValue("state", stateName);
        var found = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(byHalves[(reader.GetInt64(0), reader.GetInt64(1))]);
        }
        return found;
    }

    /// <summary>
    /// The stored payloads (<c>payloadbinary</c>, as the storage's serializer wrote them) of the state rows named
    /// <paramref name="stateName"/> of these Guid-keyed grains, in one query: for reading a batch without activating a
    /// grain. Grains without a row are left out.
    /// </summary>
    public static async Task<Dictionary<Guid, byte[]>> ReadPayloads(NpgsqlDataSource dataSource, string stateName, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        var byHalves = new Dictionary<(long, long), Guid>(ids.Count);
        foreach (var id in ids)
        {
            byHalves[Halves(id)] = id;
        }
        var payloads = new Dictionary<Guid, byte[]>(ids.Count);
        if (byHalves.Count == 0)
        {
            return payloads;
        }
        await using var command = dataSource.CreateCommand("""
            SELECT s.grainidn0, s.grainidn1, s.payloadbinary FROM orleansstorage s JOIN unnest(@n0, @n1) AS k(n0, n1) ON s.grainidn0 = k.n0 AND s.grainidn1 = k.n1
            WHERE s.graintypestring = @state AND s.payloadbinary IS NOT NULL
            """);
        command.Parameters.AddWithValue("n0", byHalves.Keys.Select(key => key.Item1).ToArray());
        command.Parameters.AddWithValue("n1", byHalves.Keys.Select(key => key.Item2).ToArray());
        command.Parameters.AddWithValue("state", stateName);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            payloads[byHalves[(reader.GetInt64(0), reader.GetInt64(1))]] = reader.GetFieldValue<byte[]>(2);
        }
        return payloads;
    }

    /// <summary>A Guid key as Orleans' ADO.NET storage keeps it: the two 64-bit halves of its bytes.</summary>
    private static (long N0, long N1) Halves(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes);
        return (BitConverter.ToInt64(bytes[..8]), BitConverter.ToInt64(bytes[8..]));
    }

    /// <summary>Runs the statements in one transaction (one round trip).</summary>
    public static async Task Run(NpgsqlDataSource dataSource, IEnumerable<NpgsqlBatchCommand> commands, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var command in commands)
        {
            batch.BatchCommands.Add(command);
        }
        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }
}
