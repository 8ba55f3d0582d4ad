using MyStamp.Retention.Contracts;
using MyStamp.Retention.Index;
using MyStamp.Retention.Notices;
using MyStamp.Retention.Sweep;
using Npgsql;

namespace MyStamp.Retention.Report;

/// <summary>Reads the retention index and the sweep log for the admin page.</summary>
internal sealed class RetentionReport(NpgsqlDataSource dataSource, NoticeOutbox outbox, RetentionSweep sweep, TimeProvider clock) : IRetentionReport
{
    public async Task<RetentionReportView> Read(CancellationToken cancellationToken = default)
    {
        var erased = new List<ErasedCount>();
        await using (var command = dataSource.CreateCommand("""
            SELECT subject_kind, erased_by, count(*) FROM retention_deadlines WHERE erased_at IS NOT NULL GROUP BY subject_kind, erased_by ORDER BY 1, 2
            """))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                erased.Add(new ErasedCount(RetentionMetrics.Kind(reader.GetString(0)), RetentionMetrics.Source(reader.GetString(1)), reader.GetInt64(2)));
            }
        }

        long customers, orders, due;
        await using (var command = dataSource.CreateCommand("""
            SELECT count(*) FILTER (WHERE subject_kind = 'customer' AND erased_at IS NULL),
                   count(*) FILTER (WHERE subject_kind = 'order' AND erased_at IS NULL),
                   count(*) FILTER (WHERE erased_at IS NULL AND deadline <= @now)
            FROM retention_deadlines
            """))
        {
            command.Parameters.AddWithValue("now", clock.GetUtcNow().UtcDateTime);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            (customers, orders, due) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
        }

        SweepResult? last = null;
        await using (var command = dataSource.CreateCommand("""
            SELECT started_at, finished_at, checked, customers_erased, orders_erased, notices_given, postponed, failures, purged
            FROM retention_sweeps ORDER BY started_at DESC LIMIT 1
            """))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                last = new SweepResult(new DateTimeOffset(reader.GetDateTime(0), TimeSpan.Zero), new DateTimeOffset(reader.GetDateTime(1), TimeSpan.Zero),
                    reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetInt32(5), reader.GetInt32(6), reader.GetInt32(7), reader.GetBoolean(8));
            }
        }
        var notices = await outbox.CountPending(cancellationToken);
        return new RetentionReportView(erased, customers, orders, due, notices, last);
    }

    public Task<IReadOnlyList<PendingNotice>> PendingNotices(int limit, CancellationToken cancellationToken = default) => outbox.Pending(limit, cancellationToken);

    public Task<SweepResult> SweepNow(CancellationToken cancellationToken = default) => sweep.Run(cancellationToken);
}
