using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MyStamp.Retention.Contracts;
using MyStamp.Customers.Contracts;
using MyStamp.Orders.Contracts;
using MyStamp.Retention.Index;
using MyStamp.Retention.Purge;
using Npgsql;

namespace MyStamp.Retention.Sweep;

/// <summary>
/// The backstop of the reminders (O7): finds every customer and order past its deadline and not erased (a
/// reminder lost, a grain that failed halfway), and every customer due for the thirty-day notice that did
/// not get it, and every erasure a dying node left half done (<c>erasure_started_at</c>, set before the key is
/// destroyed), and asks each grain to check its retention. The grain decides, with its own clock and
/// state: the sweep never erases anything itself. Customers come first, so their orders go with them.
/// </summary>
internal sealed partial class RetentionSweep(
    NpgsqlDataSource dataSource,
    IGrainFactory grains,
    ICustomerBatchErasure batchErasure,
    PhysicalPurge purge,
    TimeProvider clock,
    IOptions<RetentionOptions> options,
    ILogger<RetentionSweep> logger)
{
    public async Task<SweepResult> Run(CancellationToken cancellationToken)
    {
        var startedAt = clock.GetUtcNow();
        var counts = new Counts();
        // Every customer first, and only then the orders: a customer's erasure takes their orders with it, so an order
        // read while its customer's batch was still erasing would be checked through its grain at the same time as the
        // batch deletes it (the work done twice, and the grain's write losing the race counted as a failure).
        foreach (var kind in new[] { "customer", "order" })
        {
            await SweepAll(kind, startedAt, counts, cancellationToken);
        }

        // Reminders and erasure requests erase all day long; the nightly sweep purges for them too.
        var purged = options.Value.PhysicalPurge && await ErasedSinceLastPurge(cancellationToken) && await purge.Run(cancellationToken);
        var result = new SweepResult(startedAt, clock.GetUtcNow(), counts.Checked, counts.CustomersErased, counts.OrdersErased, counts.NoticesGiven, counts.Postponed, counts.Failures, purged);
        await Record(result, cancellationToken);
        LogSwept(result.Checked, result.CustomersErased, result.OrdersErased, result.NoticesGiven, result.Postponed, result.Failures, purged);
        return result;
    }

    private async Task SweepAll(string kind, DateTimeOffset startedAt, Counts counts, CancellationToken cancellationToken)
    {
        // Keyset pagination: a subject that fails is left behind for the next run instead of being read again. Batches
        // hold disjoint subjects, so the next one starts (its index rows and states read) while the previous one is
        // still erasing; never more than SweepBatchesAtOnce, so that the request path keeps its share of the node.
        (string Kind, Guid Id) after = ("", Guid.Empty);
        var running = new List<Task>();
        while (!cancellationToken.IsCancellationRequested)
        {
            var batch = await NextBatch(kind, after, startedAt, cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }
            after = batch[^1];
            if (running.Count >= Math.Max(1, options.Value.SweepBatchesAtOnce))
            {
                var finished = await Task.WhenAny(running);
                running.Remove(finished);
                await finished;
            }
            running.Add(Sweep(batch, counts, cancellationToken));
        }
        await Task.WhenAll(running);
    }

    private async Task Sweep(List<(string Kind, Guid Id)> batch, Counts counts, CancellationToken cancellationToken)
    {
        var leftToGrains = await EraseCustomersInBatch(batch, counts, cancellationToken);
        await Parallel.ForEachAsync(leftToGrains, new ParallelOptions { MaxDegreeOfParallelism = options.Value.SweepParallelism, CancellationToken = cancellationToken },
            async (subject, _) => counts.Add(subject.Kind, await Check(subject.Kind, subject.Id)));
    }

    /// <summary>
    /// The customers of the batch go through the batch erasure (one statement per table for all of them); what it
    /// leaves (not due, active on a node, an erasure of their own under way, …), and the orders, through their grains.
    /// Should the batch fail, its customers go through their grains too; a batch record left behind is finished by
    /// the next sweep.
    /// </summary>
    private async Task<List<(string Kind, Guid Id)>> EraseCustomersInBatch(List<(string Kind, Guid Id)> batch, Counts counts, CancellationToken cancellationToken)
    {
        var customers = batch.Where(subject => subject.Kind == "customer").Select(subject => subject.Id).ToList();
        if (customers.Count == 0)
        {
            return batch;
        }
        try
        {
            var erased = await batchErasure.EraseDue(customers, ErasureSource.Sweep, cancellationToken);
            counts.AddBatch(erased.Erased.Count, erased.OrdersErased);
            return erased.LeftToTheirGrains.Select(id => ("customer", id)).Concat(batch.Where(subject => subject.Kind != "customer")).ToList();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogBatchFailed(exception, customers.Count);
            return batch;
        }
    }

    private async Task<bool> ErasedSinceLastPurge(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT EXISTS (
                SELECT 1 FROM retention_deadlines
                WHERE erased_at >= coalesce((SELECT max(started_at) FROM retention_sweeps WHERE purged), '-infinity'))
            """);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private async Task<RetentionOutcome?> Check(string kind, Guid id)
    {
        try
        {
            var subject = kind == "customer"
                ? grains.GetGrain<ICustomerGrain>(id).AsReference<IRetentionSubject>()
                : grains.GetGrain<IOrderGrain>(id).AsReference<IRetentionSubject>();
            return await subject.CheckRetention(ErasureSource.Sweep);
        }
        catch (Exception exception)
        {
            // Left for the next sweep (and the grain's own reminder); the id is no personal data.
            LogFailed(exception, kind, id);
            return null;
        }
    }

    private async Task<List<(string Kind, Guid Id)>> NextBatch(string kind, (string Kind, Guid Id) after, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT subject_kind, subject_id FROM retention_deadlines
            WHERE ((erased_at IS NULL
                    AND (deadline <= @now OR erasure_started_at IS NOT NULL
                         OR (subject_kind = 'customer' AND notice_given_at IS NULL AND deadline <= @notice_horizon)))
                   OR (subject_kind = 'customer' AND EXISTS (SELECT 1 FROM retention_batch_erasures b WHERE b.customer_id = subject_id)))
              AND subject_kind = @kind AND (subject_kind, subject_id) > (@after_kind, @after_id)
            ORDER BY subject_kind, subject_id
            LIMIT @limit
            """);
        command.Parameters.AddWithValue("now", now.UtcDateTime);
        command.Parameters.AddWithValue("notice_horizon", (now + RetentionPeriod.NoticeAhead).UtcDateTime);
        command.Parameters.AddWithValue("kind", kind);
        command.Parameters.AddWithValue("after_kind", after.Kind);
        command.Parameters.AddWithValue("after_id", after.Id);
        command.Parameters.AddWithValue("limit", options.Value.SweepBatchSize);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var batch = new List<(string, Guid)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            batch.Add((reader.GetString(0), reader.GetGuid(1)));
        }
        return batch;
    }

    private async Task Record(SweepResult result, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO retention_sweeps (sweep_id, started_at, finished_at, checked, customers_erased, orders_erased, notices_given, postponed, failures, purged)
            VALUES (@id, @started, @finished, @checked, @customers, @orders, @notices, @postponed, @failures, @purged)
            """);
        command.Parameters.AddWithValue("id", Guid.CreateVersion7());
        command.Parameters.AddWithValue("started", result.StartedAt.UtcDateTime);
        command.Parameters.AddWithValue("finished", result.FinishedAt.UtcDateTime);
        command.Parameters.AddWithValue("checked", result.Checked);
        command.Parameters.AddWithValue("customers", result.CustomersErased);
        command.Parameters.AddWithValue("orders", result.OrdersErased);
        command.Parameters.AddWithValue("notices", result.NoticesGiven);
        command.Parameters.AddWithValue("postponed", result.Postponed);
        command.Parameters.AddWithValue("failures", result.Failures);
        command.Parameters.AddWithValue("purged", result.Purged);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private sealed class Counts
    {
        private int _checked, _customersErased, _ordersErased, _noticesGiven, _postponed, _failures;

        public int Checked => _checked;
        public int CustomersErased => _customersErased;
        public int OrdersErased => _ordersErased;
        public int NoticesGiven => _noticesGiven;
        public int Postponed => _postponed;
        public int Failures => _failures;

        public void AddBatch(int customers, int orders)
        {
            Interlocked.Add(ref _checked, customers);
            Interlocked.Add(ref _customersErased, customers);
            Interlocked.Add(ref _ordersErased, orders);
        }

        public void Add(string kind, RetentionOutcome? outcome)
        {
            Interlocked.Increment(ref _checked);
            switch (outcome)
            {
                case null: Interlocked.Increment(ref _failures); break;
                case RetentionOutcome.Erased when kind == "customer": Interlocked.Increment(ref _customersErased); break;
                case RetentionOutcome.Erased: Interlocked.Increment(ref _ordersErased); break;
                case RetentionOutcome.NoticeGiven: Interlocked.Increment(ref _noticesGiven); break;
                case RetentionOutcome.Postponed: Interlocked.Increment(ref _postponed); break;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention sweep: {Checked} checked, {Customers} customers and {Orders} orders erased, {Notices} notices, {Postponed} postponed, {Failures} failures, purged from disk: {Purged}")]
    private partial void LogSwept(int @checked, int customers, int orders, int notices, int postponed, int failures, bool purged);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention sweep: the batch erasure of {Count} customers failed; their grains erase them, and the next sweep finishes what the batch left")]
    private partial void LogBatchFailed(Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention sweep could not check {Kind} {SubjectId}; the next sweep retries")]
    private partial void LogFailed(Exception exception, string kind, Guid subjectId);
}
