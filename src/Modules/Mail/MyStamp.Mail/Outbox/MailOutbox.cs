using System.Text.Json;
using MyStamp.Retention.Contracts;
using MyStamp.Keys.Contracts;
using MyStamp.Mail.Contracts;
using MyStamp.Mail.Delivery;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MyStamp.Mail.Outbox;

/// <summary>
/// The outbox table <c>mail_outbox</c>: each row's envelope (address, subject, body) is sealed under its data
/// subject's key. Also the module's <see cref="IPersonalDataEraser"/>: a customer's erasure deletes their mails.
/// </summary>
internal sealed class MailOutbox(NpgsqlDataSource dataSource, TimeProvider clock, IPersonalDataProtector protector, MailSignal signal, IOptions<MailOptions> options)
    : IMailOutbox, IPersonalDataEraser
{
    private const string Purpose = "mail-outbox";

    public string Name => "mail-outbox";

    public async Task Enqueue(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mail.To);
        var envelope = JsonSerializer.SerializeToUtf8Bytes(new Envelope(mail.To.Trim(), mail.Content.Subject, mail.Content.Body));
        var now = clock.GetUtcNow().UtcDateTime;
        await using var command = dataSource.CreateCommand("""
            INSERT INTO mail_outbox (mail_id, subject_id, kind, dedup_key, envelope, queued_at, next_attempt_at)
            VALUES (@id, @subject, @kind, @dedup, @envelope, @now, @due)
            ON CONFLICT (dedup_key) DO NOTHING
            """);
        command.Parameters.AddWithValue("id", Guid.CreateVersion7());
        command.Parameters.AddWithValue("subject", mail.SubjectId);
        command.Parameters.AddWithValue("kind", mail.Kind);
        command.Parameters.AddWithValue("dedup", (object?)mail.DeduplicationKey ?? DBNull.Value);
        command.Parameters.AddWithValue("envelope", await protector.Seal(mail.SubjectId, envelope, Purpose));
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("due", mail.NotBefore is { } notBefore && notBefore.UtcDateTime > now ? notBefore.UtcDateTime : now);
        await command.ExecuteNonQueryAsync(cancellationToken);
        signal.Wake();
    }

    public string LinkTo(string pathAndQuery) => options.Value.SiteUrl.TrimEnd('/') + "/" + pathAndQuery.TrimStart('/');

    public async Task EraseCustomer(ErasedCustomer customer, CancellationToken cancellationToken = default) =>
        await EraseSubject(customer.CustomerId, cancellationToken);

    /// <summary>The sweep's batch: every erased customer's mail in one statement.</summary>
    public async Task EraseCustomers(IReadOnlyList<ErasedCustomer> customers, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM mail_outbox WHERE subject_id = ANY(@subjects)");
        command.Parameters.AddWithValue("subjects", customers.Select(customer => customer.CustomerId).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Deletes every mail sealed under this subject (a customer, or a request's requester).</summary>
    public async Task EraseSubject(Guid subjectId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM mail_outbox WHERE subject_id = @subject");
        command.Parameters.AddWithValue("subject", subjectId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<QueuedMail>> Pending(string kind, int limit, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT mail_id, subject_id, kind, dedup_key, envelope, queued_at, attempts FROM mail_outbox
            WHERE kind = @kind ORDER BY queued_at, mail_id LIMIT @limit
            """);
        command.Parameters.AddWithValue("kind", kind);
        command.Parameters.AddWithValue("limit", Math.Clamp(limit, 1, 10_000));
        var rows = new List<(QueuedMail Mail, byte[] Sealed)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((new QueuedMail(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3), "",
                    new DateTimeOffset(reader.GetDateTime(5), TimeSpan.Zero), reader.GetInt32(6)), (byte[])reader[4]));
            }
        }
        var mails = new List<QueuedMail>(rows.Count);
        foreach (var (mail, sealedEnvelope) in rows)
        {
            // A mail whose subject's key is gone has no address left: its erasure deletes the row.
            if (await Open(sealedEnvelope) is { } envelope)
            {
                mails.Add(mail with { To = envelope.To });
            }
        }
        return mails;
    }

    public async Task<int> CountPending(string kind, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*)::int FROM mail_outbox WHERE kind = @kind");
        command.Parameters.AddWithValue("kind", kind);
        return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// Takes up to <paramref name="limit"/> due mails for delivery by this node: each is locked for two minutes,
    /// so nodes polling together never send one mail twice, and a node that dies mid-way leaves it to another.
    /// </summary>
    internal async Task<IReadOnlyList<DueMail>> ClaimDue(int limit, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var command = dataSource.CreateCommand("""
            UPDATE mail_outbox SET locked_until = @lock
            WHERE mail_id IN (
                SELECT mail_id FROM mail_outbox
                WHERE next_attempt_at <= @now AND (locked_until IS NULL OR locked_until < @now)
                ORDER BY next_attempt_at LIMIT @limit FOR UPDATE SKIP LOCKED)
            RETURNING mail_id, subject_id, kind, envelope, attempts
            """);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("lock", now.AddMinutes(2));
        command.Parameters.AddWithValue("limit", limit);
        var rows = new List<(Guid Id, Guid Subject, string Kind, byte[] Sealed, int Attempts)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), (byte[])reader[3], reader.GetInt32(4)));
            }
        }
        var due = new List<DueMail>(rows.Count);
        foreach (var row in rows)
        {
            if (await Open(row.Sealed) is { } envelope)
            {
                due.Add(new DueMail(row.Id, row.Kind, row.Attempts, envelope));
            }
            else
            {
                // Its subject was erased (key destroyed): nothing left to send, and nobody to send it to.
                await Delete(row.Id, cancellationToken);
            }
        }
        return due;
    }

    /// <summary>Delivered or given up: the row, and with it the address, goes.</summary>
    internal async Task Delete(Guid mailId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM mail_outbox WHERE mail_id = @id");
        command.Parameters.AddWithValue("id", mailId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A failed attempt: the next one waits twice as long as the last (30 s, 1 min, 2 min, … at most 6 h).</summary>
    internal async Task Postpone(Guid mailId, int attempts, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE mail_outbox SET attempts = @attempts, next_attempt_at = @next, locked_until = NULL WHERE mail_id = @id
            """);
        command.Parameters.AddWithValue("id", mailId);
        command.Parameters.AddWithValue("attempts", attempts);
        command.Parameters.AddWithValue("next", (clock.GetUtcNow() + BackOff(attempts)).UtcDateTime);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    internal static TimeSpan BackOff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(30 * Math.Pow(2, Math.Max(0, attempts - 1)), TimeSpan.FromHours(6).TotalSeconds));

    private async Task<Envelope?> Open(byte[] sealedEnvelope) =>
        await protector.Open(sealedEnvelope, Purpose) is { } plain ? JsonSerializer.Deserialize<Envelope>(plain) : null;

    internal sealed record Envelope(string To, string Subject, string Body)
    {
        public override string ToString() => "Envelope { redacted }";
    }
}

/// <summary>A mail this node claimed for delivery.</summary>
internal sealed record DueMail(Guid MailId, string Kind, int Attempts, MailOutbox.Envelope Envelope)
{
    public override string ToString() => $"DueMail {{ MailId = {MailId}, Kind = {Kind} }}";
}
