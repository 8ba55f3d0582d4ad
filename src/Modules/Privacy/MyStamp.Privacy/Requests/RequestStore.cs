using System.Text;
using MyStamp.Keys.Contracts;
using MyStamp.Privacy.Contracts;
using Npgsql;

namespace MyStamp.Privacy.Requests;

/// <summary>One step for the audit trail.</summary>
internal sealed record AuditStep(string Actor, string Action, string? Detail = null);

/// <summary>A request's row in the queue table.</summary>
internal sealed record RequestRow(
    Guid RequestId, RequestType Type, RequestStatus Status, RequestChannel Channel, Guid? CustomerId,
    DateTimeOffset ReceivedAt, DateOnly DueOn, bool Extended, DateTimeOffset? OverdueFlaggedAt, DateTimeOffset? ClosedAt);

/// <summary>
/// The requests table (the queue's read model) and the append-only audit trail. The grain state stays
/// the source of truth; each change writes its row and its audit steps in one transaction. A detail an admin
/// typed (<see cref="AuditActions.WithTypedDetail"/>) is stored sealed under the request's data key, as
/// <c>sealed:</c> and the envelope in base64; forgetting the requester destroys that key.
/// </summary>
internal sealed class RequestStore(NpgsqlDataSource dataSource, IPersonalDataProtector protector)
{
    private const string SealedPrefix = "sealed:";
    private const string ErasedDetail = "(erased)";

    private const string Columns = "request_id, type, status, channel, customer_id, received_at, due_on, extended, overdue_flagged_at, closed_at";

    public async Task Record(RequestRow row, DateTimeOffset at, IReadOnlyList<AuditStep> steps)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var upsert = new NpgsqlCommand($"""
            INSERT INTO privacy_requests ({Columns})
            VALUES (@request_id, @type, @status, @channel, @customer_id, @received_at, @due_on, @extended, @overdue_flagged_at, @closed_at)
            ON CONFLICT (request_id) DO UPDATE SET
                type = excluded.type, status = excluded.status, channel = excluded.channel, customer_id = excluded.customer_id,
                received_at = excluded.received_at, due_on = excluded.due_on, extended = excluded.extended,
                overdue_flagged_at = excluded.overdue_flagged_at, closed_at = excluded.closed_at
            """, connection, transaction))
        {
            upsert.Parameters.AddWithValue("request_id", row.RequestId);
            upsert.Parameters.AddWithValue("type", row.Type.ToString());
            upsert.Parameters.AddWithValue("status", row.Status.ToString());
            upsert.Parameters.AddWithValue("channel", row.Channel.ToString());
            upsert.Parameters.AddWithValue("customer_id", (object?)row.CustomerId ?? DBNull.Value);
            upsert.Parameters.AddWithValue("received_at", row.ReceivedAt.ToUniversalTime());
            upsert.Parameters.AddWithValue("due_on", row.DueOn);
            upsert.Parameters.AddWithValue("extended", row.Extended);
            upsert.Parameters.AddWithValue("overdue_flagged_at", (object?)row.OverdueFlaggedAt?.ToUniversalTime() ?? DBNull.Value);
            upsert.Parameters.AddWithValue("closed_at", (object?)row.ClosedAt?.ToUniversalTime() ?? DBNull.Value);
            await upsert.ExecuteNonQueryAsync();
        }
        var details = new List<string?>();
        foreach (var step in steps)
        {
            details.Add(await StoredDetail(row.RequestId, step));
        }
        foreach (var (step, detail) in steps.Zip(details))
        {
            await using var insert = new NpgsqlCommand(
                "INSERT INTO privacy_request_audit (request_id, at, actor, action, detail) VALUES (@request_id, @at, @actor, @action, @detail)",
                connection, transaction);
            insert.Parameters.AddWithValue("request_id", row.RequestId);
            insert.Parameters.AddWithValue("at", at.ToUniversalTime());
            insert.Parameters.AddWithValue("actor", step.Actor);
            insert.Parameters.AddWithValue("action", step.Action);
            insert.Parameters.AddWithValue("detail", (object?)detail ?? DBNull.Value);
            await insert.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
    }

    private async Task<string?> StoredDetail(Guid requestId, AuditStep step) =>
        step.Detail is { } detail && AuditActions.WithTypedDetail.Contains(step.Action)
            ? SealedPrefix + Convert.ToBase64String(await protector.Seal(requestId, Encoding.UTF8.GetBytes(detail), DetailPurpose(requestId)))
            : step.Detail;

    private static string DetailPurpose(Guid requestId) => $"privacy-audit-detail:{requestId:N}";

    /// <summary>Appends one step to a request's trail without touching its row (an admin's look changes nothing else).</summary>
    public async Task Append(Guid requestId, DateTimeOffset at, AuditStep step)
    {
        await using var insert = dataSource.CreateCommand(
            "INSERT INTO privacy_request_audit (request_id, at, actor, action, detail) VALUES (@request_id, @at, @actor, @action, @detail)");
        insert.Parameters.AddWithValue("request_id", requestId);
        insert.Parameters.AddWithValue("at", at.ToUniversalTime());
        insert.Parameters.AddWithValue("actor", step.Actor);
        insert.Parameters.AddWithValue("action", step.Action);
        insert.Parameters.AddWithValue("detail", (object?)await StoredDetail(requestId, step) ?? DBNull.Value);
        await insert.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// After the linked customer's erasure (O7), in one transaction: unlinks the request's row from the customer,
    /// clears the detail of the steps whose detail an admin typed, and appends <paramref name="step"/>. The
    /// trail's trigger lets a detail be cleared (never rewritten) only inside a transaction marked as an erasure;
    /// no other column of the trail ever changes.
    /// </summary>
    public async Task ForgetRequester(Guid requestId, IReadOnlyList<string> actions, DateTimeOffset at, AuditStep step)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var mark = new NpgsqlCommand("SELECT set_config('mystamp.privacy_erasure', 'on', true)", connection, transaction))
        {
            await mark.ExecuteNonQueryAsync();
        }
        await using (var unlink = new NpgsqlCommand(
            "UPDATE privacy_requests SET customer_id = NULL, requester_forgotten_at = @at WHERE request_id = @request_id", connection, transaction))
        {
            unlink.Parameters.AddWithValue("request_id", requestId);
            unlink.Parameters.AddWithValue("at", at.ToUniversalTime());
            await unlink.ExecuteNonQueryAsync();
        }
        await using (var clear = new NpgsqlCommand(
            "UPDATE privacy_request_audit SET detail = NULL WHERE request_id = @request_id AND action = ANY(@actions) AND detail IS NOT NULL",
            connection, transaction))
        {
            clear.Parameters.AddWithValue("request_id", requestId);
            clear.Parameters.AddWithValue("actions", actions.ToArray());
            await clear.ExecuteNonQueryAsync();
        }
        await using (var insert = new NpgsqlCommand(
            "INSERT INTO privacy_request_audit (request_id, at, actor, action, detail) VALUES (@request_id, @at, @actor, @action, @detail)",
            connection, transaction))
        {
            insert.Parameters.AddWithValue("request_id", requestId);
            insert.Parameters.AddWithValue("at", at.ToUniversalTime());
            insert.Parameters.AddWithValue("actor", step.Actor);
            insert.Parameters.AddWithValue("action", step.Action);
            insert.Parameters.AddWithValue("detail", (object?)step.Detail ?? DBNull.Value);
            await insert.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
    }

    public async Task<IReadOnlyList<RequestAuditEntry>> AuditTrail(Guid requestId)
    {
        await using var command = dataSource.CreateCommand("SELECT sequence, at, actor, action, detail FROM privacy_request_audit WHERE request_id = @request_id ORDER BY sequence");
        command.Parameters.AddWithValue("request_id", requestId);
        var entries = new List<RequestAuditEntry>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                entries.Add(new RequestAuditEntry(reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
            }
        }
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Detail is { } detail && detail.StartsWith(SealedPrefix, StringComparison.Ordinal))
            {
                var opened = await protector.Open(Convert.FromBase64String(detail[SealedPrefix.Length..]), DetailPurpose(requestId));
                entries[i] = entries[i] with { Detail = opened is null ? ErasedDetail : Encoding.UTF8.GetString(opened) };
            }
        }
        return entries;
    }

    /// <summary>Open requests first due first; with <paramref name="includeClosed"/> the closed ones follow.</summary>
    public Task<IReadOnlyList<RequestRow>> Queue(bool includeClosed) => Query(
        $"SELECT {Columns} FROM privacy_requests {(includeClosed ? "" : "WHERE closed_at IS NULL")} ORDER BY (closed_at IS NOT NULL), due_on, received_at LIMIT 1000");

    public Task<IReadOnlyList<RequestRow>> ForCustomer(Guid customerId) => Query(
        $"SELECT {Columns} FROM privacy_requests WHERE customer_id = @customer_id ORDER BY received_at DESC", ("customer_id", customerId));

    /// <summary>The requests linked to any of these customers (the batch erasure), in one query.</summary>
    public Task<IReadOnlyList<RequestRow>> ForCustomers(Guid[] customerIds) => Query(
        $"SELECT {Columns} FROM privacy_requests WHERE customer_id = ANY(@customer_ids)", ("customer_ids", customerIds));

    /// <summary>Open requests whose due date is before <paramref name="today"/> and that are not yet flagged.</summary>
    public async Task<IReadOnlyList<Guid>> UnflaggedPastDue(DateOnly today)
    {
        var rows = await Query(
            $"SELECT {Columns} FROM privacy_requests WHERE closed_at IS NULL AND overdue_flagged_at IS NULL AND due_on < @today ORDER BY due_on LIMIT 1000",
            ("today", today));
        return rows.Select(row => row.RequestId).ToList();
    }

    /// <summary>Up to <paramref name="limit"/> requests closed before <paramref name="cutoff"/> whose requester is not yet forgotten, oldest first.</summary>
    public async Task<IReadOnlyList<Guid>> ClosedBeforeWithRequester(DateTimeOffset cutoff, int limit)
    {
        var rows = await Query(
            $"SELECT {Columns} FROM privacy_requests WHERE closed_at < @cutoff AND requester_forgotten_at IS NULL ORDER BY closed_at LIMIT @limit",
            ("cutoff", cutoff.ToUniversalTime()), ("limit", limit));
        return rows.Select(row => row.RequestId).ToList();
    }

    private async Task<IReadOnlyList<RequestRow>> Query(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        var rows = new List<RequestRow>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new RequestRow(
                reader.GetGuid(0),
                Enum.Parse<RequestType>(reader.GetString(1)),
                Enum.Parse<RequestStatus>(reader.GetString(2)),
                Enum.Parse<RequestChannel>(reader.GetString(3)),
                reader.IsDBNull(4) ? null : reader.GetGuid(4),
                reader.GetFieldValue<DateTimeOffset>(5),
                reader.GetFieldValue<DateOnly>(6),
                reader.GetBoolean(7),
                reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8),
                reader.IsDBNull(9) ? null : reader.GetFieldValue<DateTimeOffset>(9)));
        }
        return rows;
    }
}
