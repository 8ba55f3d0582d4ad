using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MyStamp.BuildingBlocks.Grains;
using MyStamp.Retention.Contracts;
using MyStamp.Customers.Accounts;
using MyStamp.Customers.Contracts;
using MyStamp.Customers.EmailIndex;
using MyStamp.Customers.Sessions;
using MyStamp.Keys.Contracts;
using MyStamp.Orders.Contracts;
using MyStamp.Studio.Contracts;
using Npgsql;
using NpgsqlTypes;
using Orleans.Configuration;
using Orleans.Storage;

namespace MyStamp.Customers.Retention;

/// <summary>
/// The sweep's batch erasure (O7; README "Retention and erasure"). For a batch of customers past their deadline:
/// <list type="number">
/// <item>their states are read from storage in one query (no activation), and those the batch can take are chosen: due, not
/// active on any node, no erasure of their own under way, no old e-mail address still to release;</item>
/// <item>what they name (orders, designs, the e-mail index key: ids and a keyed hash) is written to
/// <c>retention_batch_erasures</c> and their index rows are marked, in one transaction, because after the next
/// step their states no longer open;</item>
/// <item>their keys are destroyed, in one statement, and evicted from every node;</item>
/// <item>every module deletes its rows for the whole batch (<see cref="IPersonalDataEraser.EraseCustomers"/>);</item>
/// <item>their own rows (state, e-mail index entry, reminders, the batch record) go in one transaction and their
/// index rows are closed in one statement; any of their grains that was activated meanwhile is deactivated.</item>
/// </list>
/// A node dying after step 2 leaves the batch record, which the next sweep finds and finishes (every step is
/// idempotent). A handful of transactions per batch, instead of some forty per customer through the grains.
/// </summary>
internal sealed partial class CustomerBatchErasure(
    IServiceProvider services,
    IGrainFactory grains,
    IPersonalDataProtector protector,
    ISealedStates sealedStates,
    IEnumerable<IPersonalDataEraser> erasers,
    IRetentionIndex retentionIndex,
    NpgsqlDataSource dataSource,
    EmailKeys emailKeys,
    SessionBroadcast sessions,
    IOptions<ClusterOptions> cluster,
    TimeProvider clock,
    ILogger<CustomerBatchErasure> logger) : ICustomerBatchErasure
{
    private const int ReadsAtOnce = 16;

    private IGrainStorage Storage => services.GetRequiredKeyedService<IGrainStorage>(GrainStorage.Name);

    public async Task<BatchErasure> EraseDue(IReadOnlyList<Guid> customerIds, ErasureSource source, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        // Four independent reads at once (the data database, the key store, the cluster): the batch records left
        // behind, the active grains, the keys and the state rows. The keys and rows of a customer left out below
        // (resumed, or active) are read for nothing, which costs less than a round trip more.
        var recording = Recorded(customerIds, cancellationToken);
        var activating = Active(grains.GetGrain<ICustomerGrain>(Guid.Empty).GetGrainId().Type);
        var reading = GrainRows.ReadPayloads(dataSource, "customer", customerIds, cancellationToken);
        await Task.WhenAll(recording, activating, reading, protector.WarmUp(customerIds));
        var (resumed, active, payloads) = (recording.Result, activating.Result, reading.Result);
        var candidates = customerIds.Where(id => !resumed.ContainsKey(id) && !active.Contains(GrainOf(id))).ToList();
        var chosen = new System.Collections.Concurrent.ConcurrentBag<(ErasedCustomer Customer, string EmailKey)>();
        void ChooseWhenDue(Guid id, CustomerState state)
        {
            if (state is { Profile: { } profile, Retention.Erasure: null, EmailKeysToRelease.Count: 0 }
                && now >= RetentionPeriod.CustomerDeadline(profile.RegisteredAt, state.LastOrderAt))
            {
                chosen.Add((new ErasedCustomer(id, state.OrderIds.ToList(), state.DesignIds.ToList(), source.ToString()), emailKeys.For(profile.Email)));
            }
        }
        // The whole batch's rows in one query, opened here with the keys just warmed up; a row that does not open
        // that way (written before states were sealed) is read through the grain storage, one by one.
        var readThroughStorage = new List<Guid>();
        foreach (var id in candidates)
        {
            if (!payloads.TryGetValue(id, out var payload))
            {
                continue;
            }
            if (await sealedStates.Open<CustomerState>("customer", payload) is { } state)
            {
                ChooseWhenDue(id, state);
            }
            else
            {
                readThroughStorage.Add(id);
            }
        }
        await Parallel.ForEachAsync(readThroughStorage, new ParallelOptions { MaxDegreeOfParallelism = ReadsAtOnce, CancellationToken = cancellationToken }, async (id, _) =>
        {
            var state = new GrainState<CustomerState>(new CustomerState());
            await Storage.ReadStateAsync("customer", GrainOf(id), state);
            if (state.RecordExists && state.State is { } opened)
            {
                ChooseWhenDue(id, opened);
            }
        });
        var batch = chosen.ToList();
        if (batch.Count == 0 && resumed.Count == 0)
        {
            return new BatchErasure([], 0, customerIds);
        }

        await Record(batch, now, cancellationToken);
        var all = batch.Concat(resumed.Values).ToList();
        var ids = all.Select(entry => entry.Customer.CustomerId).ToArray();

        // The keys first: from here every row of these customers is ciphertext without a key, wherever it lies.
        await protector.DestroyKeys(ids);
        // Then, all at once since none depends on another: no node takes their cookies any more (a node may remember a
        // version it read before the key went), and every module deletes its rows.
        var customers = all.Select(entry => entry.Customer).ToList();
        await Task.WhenAll(erasers.Select(eraser => eraser.EraseCustomers(customers, cancellationToken)).Append(sessions.Closed(ids)));
        await DeleteOwnRows(all, cancellationToken);
        await retentionIndex.RecordErasedMany(RetentionSubjectKind.Customer, ids, clock.GetUtcNow(), source);
        await DeactivateAnyActivated(customers);
        LogBatchErased(ids.Length, resumed.Count);
        var erased = ids.ToHashSet();
        return new BatchErasure(ids, customers.Sum(customer => customer.OrderIds.Count), customerIds.Where(id => !erased.Contains(id)).ToList());
    }

    private GrainId GrainOf(Guid customerId) => grains.GetGrain<ICustomerGrain>(customerId).GetGrainId();

    private async Task<HashSet<GrainId>> Active(GrainType type) =>
        (await grains.GetGrain<IManagementGrain>(0).GetActiveGrains(type)).ToHashSet();

    /// <summary>Batch erasures a dying node left halfway among these customers: finished with the ids recorded then.</summary>
    private async Task<Dictionary<Guid, (ErasedCustomer Customer, string EmailKey)>> Recorded(IReadOnlyList<Guid> customerIds, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT customer_id, order_ids, design_ids, email_key, source FROM retention_batch_erasures WHERE customer_id = ANY(@customers)");
        command.Parameters.AddWithValue("customers", customerIds as Guid[] ?? customerIds.ToArray());
        var recorded = new Dictionary<Guid, (ErasedCustomer, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetGuid(0);
            recorded[id] = (new ErasedCustomer(id, reader.GetFieldValue<Guid[]>(1), reader.GetFieldValue<Guid[]>(2), reader.GetString(4)),
                reader.IsDBNull(3) ? "" : reader.GetString(3));
        }
        return recorded;
    }

    /// <summary>Step 2: the ids each customer names, and the mark on their index rows, before their states stop opening.</summary>
    private async Task Record(List<(ErasedCustomer Customer, string EmailKey)> batch, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY retention_batch_erasures (customer_id, order_ids, design_ids, email_key, source, started_at) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var (customer, emailKey) in batch)
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(customer.CustomerId, NpgsqlDbType.Uuid, cancellationToken);
                await writer.WriteAsync(customer.OrderIds.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Uuid, cancellationToken);
                await writer.WriteAsync(customer.DesignIds.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Uuid, cancellationToken);
                await writer.WriteAsync(emailKey, NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(customer.Source, NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(now.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken);
            }
            await writer.CompleteAsync(cancellationToken);
        }
        await using (var mark = new NpgsqlCommand("""
            UPDATE retention_deadlines SET erasure_started_at = @now
            WHERE subject_kind = 'customer' AND subject_id = ANY(@customers) AND erased_at IS NULL AND erasure_started_at IS NULL
            """, connection, transaction))
        {
            mark.Parameters.AddWithValue("now", now.UtcDateTime);
            mark.Parameters.AddWithValue("customers", batch.Select(entry => entry.Customer.CustomerId).ToArray());
            await mark.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Step 5: the customers' state rows, e-mail index entries, reminders and batch records, in one transaction.</summary>
    private async Task DeleteOwnRows(List<(ErasedCustomer Customer, string EmailKey)> all, CancellationToken cancellationToken)
    {
        var ids = all.Select(entry => entry.Customer.CustomerId).ToArray();
        var records = new NpgsqlBatchCommand("DELETE FROM retention_batch_erasures WHERE customer_id = ANY(@customers)");
        records.Parameters.AddWithValue("customers", ids);
        await GrainRows.Run(dataSource,
        [
            GrainRows.DeleteStringKeyedStates("customers-email-index", all.Select(entry => entry.EmailKey).Where(key => key.Length > 0).ToArray()),
            GrainRows.DeleteReminders(cluster.Value.ServiceId, ids.Select(GrainOf)),
            GrainRows.DeleteStates("customer", ids),
            records,
        ], cancellationToken);
    }

    /// <summary>
    /// A grain of the batch activated while it ran (a customer signing in, an admin opening an order) read its row
    /// before the key went, or nothing: either way it must not keep serving from memory.
    /// </summary>
    private async Task DeactivateAnyActivated(List<ErasedCustomer> customers)
    {
        var ours = customers.Select(customer => GrainOf(customer.CustomerId))
            .Concat(customers.SelectMany(customer => customer.OrderIds).Select(id => grains.GetGrain<IOrderGrain>(id).GetGrainId()))
            .Concat(customers.SelectMany(customer => customer.DesignIds).Select(id => grains.GetGrain<IDesignGrain>(id).GetGrainId()))
            .ToHashSet();
        var management = grains.GetGrain<IManagementGrain>(0);
        var activeOfEachType = await Task.WhenAll(ours.Select(grain => grain.Type).Distinct().Select(type => management.GetActiveGrains(type).AsTask()));
        await Task.WhenAll(activeOfEachType.SelectMany(active => active).Where(ours.Contains).Select(activated => management.DeactivateGrain(activated)));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Batch erasure: {Count} customers erased ({Resumed} of them finished after an interruption)")]
    private partial void LogBatchErased(int count, int resumed);
}
