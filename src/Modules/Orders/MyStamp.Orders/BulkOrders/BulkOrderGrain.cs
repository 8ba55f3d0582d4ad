using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using MyStamp.BuildingBlocks.Errors;
using MyStamp.BuildingBlocks.Grains;
using MyStamp.Customers.Contracts;
using MyStamp.Keys.Contracts;
using MyStamp.Orders.Contracts;

namespace MyStamp.Orders.BulkOrders;

/// <summary>Progress of a bulk order, stored as "bulk-order" after every chunk of lines.</summary>
[GenerateSerializer]
[Alias("mystamp.orders.bulk-order-state")]
public sealed class BulkOrderState : IPersonalState
{
    [Id(0)] public Guid CustomerId { get; set; }
    [Id(1)] public string FileHash { get; set; } = "";
    [Id(2)] public BulkOrderStatus Status { get; set; }
    [Id(3)] public int Total { get; set; }
    /// <summary>Lines handled so far, in file order; processing resumes after them.</summary>
    [Id(4)] public int Processed { get; set; }
    [Id(5)] public int Failed { get; set; }
    [Id(6)] public List<BulkOrderLineError> Errors { get; set; } = [];
    [Id(7)] public DateTimeOffset SubmittedAt { get; set; }
    [Id(8)] public DateTimeOffset? CompletedAt { get; set; }
    [Id(9)] public bool ControllerAttestation { get; set; }

    Guid? IPersonalState.DataSubject => CustomerId == Guid.Empty ? null : CustomerId;
}

/// <summary>
/// The submitted file, stored once as "bulk-order-file" (apart from the progress, which is written
/// often) and deleted when every line is done: the recipient addresses then live only in the orders.
/// </summary>
[GenerateSerializer]
[Alias("mystamp.orders.bulk-order-file-state")]
public sealed class BulkOrderFileState : IPersonalState
{
    [Id(0)] public byte[] Csv { get; set; } = [];
    /// <summary>Whose file it is: the recipients' addresses are sealed under the customer's key.</summary>
    [Id(1)] public Guid CustomerId { get; set; }

    Guid? IPersonalState.DataSubject => CustomerId == Guid.Empty ? null : CustomerId;
}

/// <summary>
/// Orders every line of a Pro file in the background, a chunk at a time: a bad line is recorded and the
/// others go on. Each line's order id is derived from the bulk order id and the line number, so a run
/// interrupted by a restart resumes (a reminder wakes it) without ordering any line twice.
/// </summary>
internal sealed partial class BulkOrderGrain(
    [PersistentState("bulk-order", GrainStorage.Name)] IPersistentState<BulkOrderState> bulk,
    [PersistentState("bulk-order-file", GrainStorage.Name)] IPersistentState<BulkOrderFileState> file,
    TimeProvider clock,
    ILogger<BulkOrderGrain> logger) : Grain, IBulkOrderGrain, IRemindable
{
    private const string ResumeReminder = "resume";
    private const int ChunkSize = 50;
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromMilliseconds(250);

    private bool _running;
    private bool _erased;
    private long _lastProgressAt;

    private Guid BulkOrderId => this.GetPrimaryKey();

    public async Task Start(StartBulkOrder command)
    {
        if (bulk.RecordExists)
        {
            return;
        }
        // Refuses an unreadable file (400) before anything is stored.
        var lines = BulkOrderCsv.Parse(command.Csv);
        file.State = new BulkOrderFileState { Csv = command.Csv, CustomerId = command.CustomerId };
        await file.WriteStateAsync();
        bulk.State = new BulkOrderState
        {
            CustomerId = command.CustomerId,
            FileHash = command.FileHash,
            Status = BulkOrderStatus.Running,
            Total = lines.Count,
            SubmittedAt = clock.GetUtcNow(),
            ControllerAttestation = command.ControllerAttestation,
        };
        await bulk.WriteStateAsync();
        // Wakes the grain should the node stop before the last line; unregistered when done.
        await this.RegisterOrUpdateReminder(ResumeReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        RunInBackground();
        LogStarted(BulkOrderId, command.CustomerId, lines.Count);
    }

    public Task<BulkOrderView?> GetFor(Guid customerId)
    {
        if (!bulk.RecordExists || bulk.State.CustomerId != customerId)
        {
            return Task.FromResult<BulkOrderView?>(null);
        }
        var state = bulk.State;
        return Task.FromResult<BulkOrderView?>(new BulkOrderView(BulkOrderId, state.Status, state.Total, state.Processed, state.Failed,
            state.Errors.ToList(), state.SubmittedAt, state.CompletedAt));
    }

    public async Task Erase()
    {
        _erased = true;
        var reminder = await this.GetReminder(ResumeReminder);
        if (reminder is not null)
        {
            await this.UnregisterReminder(reminder);
        }
        if (file.RecordExists)
        {
            await file.ClearStateAsync();
        }
        if (bulk.RecordExists)
        {
            await bulk.ClearStateAsync();
        }
        bulk.State = new BulkOrderState();
        file.State = new BulkOrderFileState();
        DeactivateOnIdle();
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!_erased && bulk.RecordExists && bulk.State.Status == BulkOrderStatus.Running)
        {
            RunInBackground();
            return;
        }
        var reminder = await this.GetReminder(reminderName);
        if (reminder is not null)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    /// <summary>
    /// Runs the lines in a timer callback that interleaves with other calls, so progress can be read while
    /// the file is being ordered.
    /// </summary>
    private void RunInBackground()
    {
        if (_running)
        {
            return;
        }
        _running = true;
        this.RegisterGrainTimer(async _ =>
        {
            try
            {
                await OrderRemainingLines();
            }
            catch (Exception exception)
            {
                // The reminder tries again within a minute; lines already done are not redone.
                LogInterrupted(exception, BulkOrderId);
            }
            finally
            {
                _running = false;
            }
        }, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan) { Interleave = true, KeepAlive = true });
    }

    private async Task OrderRemainingLines()
    {
        var lines = BulkOrderCsv.Parse(file.State.Csv);
        while (bulk.State.Processed < lines.Count)
        {
            if (_erased)
            {
                return;
            }
            DelayDeactivation(TimeSpan.FromMinutes(5));
            var chunk = lines.Skip(bulk.State.Processed).Take(ChunkSize).ToList();
            var placedAt = await TellCustomer(chunk);
            var outcomes = await Task.WhenAll(chunk.Select(line => OrderLine(line, placedAt)));
            foreach (var error in outcomes.OfType<BulkOrderLineError>())
            {
                bulk.State.Errors.Add(error);
                bulk.State.Failed++;
            }
            if (_erased)
            {
                return;
            }
            bulk.State.Processed += chunk.Count;
            await bulk.WriteStateAsync();
            await PublishProgress(force: false);
        }

        bulk.State.Status = BulkOrderStatus.Completed;
        bulk.State.CompletedAt = clock.GetUtcNow();
        await bulk.WriteStateAsync();
        await file.ClearStateAsync();
        await PublishProgress(force: true);
        var reminder = await this.GetReminder(ResumeReminder);
        if (reminder is not null)
        {
            await this.UnregisterReminder(reminder);
        }
        LogCompleted(BulkOrderId, bulk.State.Total, bulk.State.Failed);
    }

    /// <summary>
    /// Tells the customer about the chunk's orders in one write, before they are placed (O7), and answers the
    /// time to place them at. One write per line would rewrite the customer's growing list of orders ten
    /// thousand times for a file of ten thousand lines. Lines the order grain then refuses (a design not
    /// approved, too many sheets) are known to the customer without an order: their erasure finds nothing. A chunk
    /// resumed after an interruption is told again, at the later time.
    /// </summary>
    private async Task<DateTimeOffset> TellCustomer(IReadOnlyList<BulkLine> chunk)
    {
        var placedAt = clock.GetUtcNow();
        var orderIds = chunk.Where(line => line.IsValid).Select(line => LineOrderId(BulkOrderId, line.Line)).ToList();
        if (orderIds.Count > 0)
        {
            try
            {
                await GrainFactory.GetGrain<ICustomerGrain>(bulk.State.CustomerId).RecordOrdersPlaced(orderIds, placedAt);
            }
            catch (DomainException)
            {
                // The account is closed or being erased: each line then reports the refusal itself.
            }
        }
        return placedAt;
    }

    /// <summary>Orders one line; answers the error to report, or null when the line is ordered.</summary>
    private async Task<BulkOrderLineError?> OrderLine(BulkLine line, DateTimeOffset placedAt)
    {
        if (!line.IsValid)
        {
            return new BulkOrderLineError(line.Line, line.Error!, line.Problems);
        }
        var orderId = LineOrderId(BulkOrderId, line.Line);
        var order = GrainFactory.GetGrain<IOrderGrain>(orderId);
        try
        {
            await order.Place(new PlaceOrder(bulk.State.CustomerId, line.DesignId, line.Tariff, line.Sheets, line.Address,
                bulk.State.ControllerAttestation, BulkOrderId, placedAt));
            return null;
        }
        catch (DomainException exception)
        {
            if (exception.Kind == DomainErrorKind.Conflict && (await order.Get())?.BulkOrderId == BulkOrderId)
            {
                // Ordered by an earlier, interrupted run.
                return null;
            }
            var problems = Problems(exception);
            return new BulkOrderLineError(line.Line, string.Join(" ", problems), problems);
        }
    }

    private async Task PublishProgress(bool force)
    {
        var now = clock.GetTimestamp();
        if (!force && clock.GetElapsedTime(_lastProgressAt, now) < ProgressEvery)
        {
            return;
        }
        _lastProgressAt = now;
        var state = bulk.State;
        try
        {
            await GrainFactory.GetGrain<IOrderFeedGrain>(state.CustomerId)
                .PublishBulkOrderProgress(new BulkOrderProgress(BulkOrderId, state.Status, state.Total, state.Processed, state.Failed));
        }
        catch (Exception exception)
        {
            LogPublishFailed(exception, BulkOrderId);
        }
    }

    /// <summary>A domain message holds no personal data; field errors are listed per field, a refusal as the line's problem.</summary>
    private static IReadOnlyList<BulkLineProblem> Problems(DomainException exception) =>
        exception.FieldErrors.Count == 0
            ? [new BulkLineProblem("", exception.Title)]
            : [.. exception.FieldErrors.SelectMany(pair => pair.Value.Select(message => new BulkLineProblem(pair.Key, message)))];

    /// <summary>A stable order id per line (a name-based, version 8 GUID), so that a resumed run finds the orders it already placed.</summary>
    internal static Guid LineOrderId(Guid bulkOrderId, int line)
    {
        Span<byte> input = stackalloc byte[20];
        bulkOrderId.TryWriteBytes(input, bigEndian: true, out _);
        BinaryPrimitives.WriteInt32BigEndian(input[16..], line);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // version 8: a custom, name-based id (RFC 9562)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC variant
        return new Guid(bytes, bigEndian: true);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Bulk order {BulkOrderId} of customer {CustomerId} started with {Lines} lines")]
    private partial void LogStarted(Guid bulkOrderId, Guid customerId, int lines);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bulk order {BulkOrderId} completed: {Lines} lines, {Failed} failed")]
    private partial void LogCompleted(Guid bulkOrderId, int lines, int failed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bulk order {BulkOrderId} was interrupted; it resumes on its next reminder")]
    private partial void LogInterrupted(Exception exception, Guid bulkOrderId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bulk order {BulkOrderId}: progress could not be pushed to the live feed")]
    private partial void LogPublishFailed(Exception exception, Guid bulkOrderId);
}
