using System.Text;
using MyStamp.BuildingBlocks.Retention;
using MyStamp.Keys.Contracts;
using MyStamp.Retention.Contracts;
using Npgsql;

namespace MyStamp.Retention.Notices;

/// <summary>
/// The outbox of erasure notices (<c>retention_notices</c>). A row holds an e-mail address, sealed under the
/// customer's data key (base64 of the envelope): it leaves the table once delivered, and with the customer's
/// erasure (this is also the module's <see cref="IPersonalDataEraser"/>).
/// </summary>
internal sealed class NoticeOutbox(NpgsqlDataSource dataSource, TimeProvider clock, IPersonalDataProtector protector) : IErasureNotices, IPersonalDataEraser
{
    private const string Purpose = "retention-notice-email";

    public string Name => "retention-notices";

    public async Task Enqueue(ErasureNotice notice)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO retention_notices (notice_id, customer_id, email, erase_on, queued_at) VALUES (@id, @customer, @email, @erase_on, @queued_at)
            ON CONFLICT (customer_id, erase_on) DO NOTHING
            """);
        command.Parameters.AddWithValue("id", Guid.CreateVersion7());
        command.Parameters.AddWithValue("customer", notice.CustomerId);
        command.Parameters.AddWithValue("email", Convert.ToBase64String(await protector.Seal(notice.CustomerId, Encoding.UTF8.GetBytes(notice.Email), Purpose)));
        command.Parameters.AddWithValue("erase_on", notice.EraseOn.UtcDateTime);
        command.Parameters.AddWithValue("queued_at", clock.GetUtcNow().UtcDateTime);
        await command.ExecuteNonQueryAsync();
    }

    public async Task EraseCustomer(ErasedCustomer customer, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM retention_notices WHERE customer_id = @customer");
        command.Parameters.AddWithValue("customer", customer.CustomerId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The sweep's batch: every erased customer's notices in one statement.</summary>
    public async Task EraseCustomers(IReadOnlyList<ErasedCustomer> customers, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM retention_notices WHERE customer_id = ANY(@customers)");
        command.Parameters.AddWithValue("customers", customers.Select(customer => customer.CustomerId).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<PendingNotice>> Pending(int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT notice_id, customer_id, email, erase_on, queued_at, attempts FROM retention_notices ORDER BY queued_at, notice_id LIMIT @limit
            """);
        command.Parameters.AddWithValue("limit", Math.Clamp(limit, 1, 10_000));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<(PendingNotice Notice, string SealedEmail)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((new PendingNotice(reader.GetGuid(0), reader.GetGuid(1), "",
                new DateTimeOffset(reader.GetDateTime(3), TimeSpan.Zero), new DateTimeOffset(reader.GetDateTime(4), TimeSpan.Zero), reader.GetInt32(5)), reader.GetString(2)));
        }
        var notices = new List<PendingNotice>(rows.Count);
        foreach (var (notice, sealedEmail) in rows)
        {
            // A notice whose customer's key is gone has no address left to send to: the erasure deletes the row.
            if (await protector.Open(Convert.FromBase64String(sealedEmail), Purpose) is { } email)
            {
                notices.Add(notice with { Email = Encoding.UTF8.GetString(email) });
            }
        }
        return notices;
    }

    /// <summary>Delivered: the row, and with it the address, goes.</summary>
    public async Task Delivered(Guid noticeId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM retention_notices WHERE notice_id = @id");
        command.Parameters.AddWithValue("id", noticeId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task Failed(Guid noticeId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("UPDATE retention_notices SET attempts = attempts + 1, last_attempt_at = @at WHERE notice_id = @id");
        command.Parameters.AddWithValue("id", noticeId);
        command.Parameters.AddWithValue("at", clock.GetUtcNow().UtcDateTime);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
