using Microsoft.Extensions.Logging;
using MyStamp.Retention.Contracts;
using MyStamp.Customers.Contracts;

namespace MyStamp.Customers.Accounts;

/// <summary>A customer's retention (O7), part of the customer's state.</summary>
[GenerateSerializer]
[Alias("mystamp.customers.customer-retention")]
public sealed class CustomerRetention
{
    /// <summary>The deadline the customer was last told about, thirty days ahead; a later order asks for a new notice.</summary>
    [Id(0)] public DateTimeOffset? NoticeGivenFor { get; set; }
    /// <summary>Set when the erasure starts; from then on the account is closed, and a retry resumes from here.</summary>
    [Id(1)] public ErasureProgress? Erasure { get; set; }
    /// <summary>When the retention reminder is due next, as last registered.</summary>
    [Id(2)] public DateTimeOffset? ReminderAt { get; set; }
    /// <summary>The deadline last written to the retention index; a later order moves the row only a day or more on.</summary>
    [Id(3)] public DateTimeOffset? IndexedDeadline { get; set; }
}

/// <summary>
/// An erasure under way: what a retry after a crash needs to finish it, and nothing personal. Every step is
/// idempotent, so a retry simply runs them all again.
/// </summary>
[GenerateSerializer]
[Alias("mystamp.customers.erasure-progress")]
public sealed class ErasureProgress
{
    [Id(0)] public DateTimeOffset StartedAt { get; set; }
    [Id(1)] public ErasureSource Source { get; set; }
    [Id(2)] public List<Guid> OrdersLeft { get; set; } = [];
    [Id(3)] public List<Guid> DesignsLeft { get; set; } = [];
    /// <summary>The e-mail index keys (HMACs, no address) to release.</summary>
    [Id(4)] public List<string> EmailKeys { get; set; } = [];
    /// <summary>The subject id whose data key seals this record while the erasure runs: not the customer's, which goes first.</summary>
    [Id(5)] public Guid RecordKey { get; set; }
}

/// <summary>
/// The customer's retention: one reminder, for the thirty-day notice and then for the deadline (last order,
/// or registration, plus three years). When it fires, the grain re-checks the deadline on its own clock and,
/// when due, erases everything the customer left with us: first their data key (from then on every copy of
/// their data, wherever it lies, is unreadable), then through every module's eraser each order's personal data,
/// each design with its photos, every module's rows about them; the e-mail index entry, their reminder, and
/// last its own row.
/// </summary>
internal sealed partial class CustomerGrain : IRetentionSubject, IRemindable
{
    private bool IsBeingErased => customer.State.Retention.Erasure is not null;

    public Task<int?> GetSessionVersion() =>
        Task.FromResult<int?>(customer.State.Profile is null || IsBeingErased ? null : customer.State.SessionVersion);

    public Task<DateTimeOffset?> GetRetentionDeadline() =>
        Task.FromResult<DateTimeOffset?>(customer.State.Profile is null || IsBeingErased ? null : RetentionDeadline());

    public async Task<RetentionOutcome> CheckRetention(ErasureSource source)
    {
        if (IsBeingErased)
        {
            await Erase(source);
            return RetentionOutcome.Erased;
        }
        if (customer.State.Profile is null)
        {
            // Nothing left (the row is gone): close the index row if a crash left it open.
            await retentionIndex.RecordErased(RetentionSubjectKind.Customer, CustomerId, clock.GetUtcNow(), source, onlyIfTracked: true);
            return RetentionOutcome.AlreadyErased;
        }
        var now = clock.GetUtcNow();
        var deadline = RetentionDeadline();
        if (now >= deadline)
        {
            await Erase(source);
            return RetentionOutcome.Erased;
        }
        if (now >= RetentionPeriod.NoticeAt(deadline) && customer.State.Retention.NoticeGivenFor != deadline)
        {
            await erasureNotices.Enqueue(new ErasureNotice(CustomerId, customer.State.Profile.Email, deadline, customer.State.Profile.Language.Code()));
            customer.State.Retention.NoticeGivenFor = deadline;
            await Save();
            // The index row first gets the exact deadline (it may lag a day behind, see ScheduleRetention), so that
            // the notice is recorded against it.
            await ScheduleRetention(force: true);
            await retentionIndex.RecordNoticeGiven(CustomerId, deadline, now);
            LogNoticeGiven(CustomerId, deadline);
            return RetentionOutcome.NoticeGiven;
        }
        await ScheduleRetention(force: true);
        return RetentionOutcome.NotDue;
    }

    public async Task EraseNow(ErasureSource source)
    {
        if (customer.State.Profile is null && !IsBeingErased)
        {
            await retentionIndex.RecordErased(RetentionSubjectKind.Customer, CustomerId, clock.GetUtcNow(), source, onlyIfTracked: true);
            return;
        }
        await Erase(source);
    }

    Task IRemindable.ReceiveReminder(string reminderName, TickStatus status) =>
        RetentionReminder.Tick(this, reminderName, exception => LogRetentionFailed(exception, CustomerId));

    /// <summary>Last order (or registration) plus three years.</summary>
    private DateTimeOffset RetentionDeadline() =>
        RetentionPeriod.CustomerDeadline(customer.State.Profile!.RegisteredAt, customer.State.LastOrderAt);

    /// <summary>
    /// Registers (or moves) the one retention reminder: for the notice while it is still to be given, else for
    /// the deadline; and records the deadline in the retention index, for the sweep. A new order only moves the
    /// deadline later, so unless <paramref name="force"/> is set a reminder already due sooner is left alone: it
    /// fires early, finds nothing due and registers itself for the new date. A Pro bulk order of thousands of
    /// lines thus costs one reminder write, not thousands. The index row follows the same rule with a day's
    /// slack: orders on the same day leave it alone (a row a day early only makes the sweep ask, and the grain
    /// answer "not due" and write the exact date), so a customer ordering all day costs one index write a day.
    /// </summary>
    private async Task ScheduleRetention(bool force = false)
    {
        var retention = customer.State.Retention;
        var deadline = RetentionDeadline();
        var next = retention.NoticeGivenFor == deadline ? deadline : RetentionPeriod.NoticeAt(deadline);
        var reminder = force || retention.ReminderAt is not { } registered || registered > next
            ? RegisterReminder(next)
            : Task.CompletedTask;
        var index = force || retention.IndexedDeadline is not { } indexed || indexed > deadline || deadline - indexed >= IndexSlack
            ? Index(deadline)
            : Task.CompletedTask;
        await Task.WhenAll(reminder, index);

        async Task RegisterReminder(DateTimeOffset at)
        {
            await RetentionReminder.Register(this, at, clock.GetUtcNow());
            retention.ReminderAt = at;
        }

        async Task Index(DateTimeOffset at)
        {
            await retentionIndex.Schedule(RetentionSubjectKind.Customer, CustomerId, at);
            retention.IndexedDeadline = at;
        }
    }

    /// <summary>How far the retention index's row may lag behind a deadline a new order moved.</summary>
    private static readonly TimeSpan IndexSlack = TimeSpan.FromDays(1);

    /// <summary>
    /// Erases the customer (O7), resuming an erasure a crash interrupted. The personal part of the state goes at
    /// once and the customer's data key is destroyed before anything else: from that instant nothing sealed under
    /// it opens, anywhere (rows, dead tuples, WAL, backups). Then each module erases its own data through its
    /// <see cref="IPersonalDataEraser"/>; every step is idempotent, so a retry runs them again and fails on
    /// nothing already gone. The state row goes last, so that until then a retry still knows the ids to erase.
    /// </summary>
    private async Task Erase(ErasureSource source)
    {
        var state = customer.State;
        if (state.Retention.Erasure is null)
        {
            var emailKeysToRelease = state.EmailKeysToRelease.ToList();
            if (state.Profile is { } profile)
            {
                emailKeysToRelease.Add(emailKeys.For(profile.Email));
            }
            // From this write on the account is closed (no sign-in, no session, no new order), and the record holds
            // ids, hashes and dates only, sealed under a key of the erasure's own.
            state.Retention.Erasure = new ErasureProgress
            {
                StartedAt = clock.GetUtcNow(),
                Source = source,
                OrdersLeft = state.OrderIds.ToList(),
                DesignsLeft = state.DesignIds.ToList(),
                EmailKeys = emailKeysToRelease.Distinct(StringComparer.Ordinal).ToList(),
                RecordKey = Guid.NewGuid(),
            };
            state.Profile = null;
            state.Credentials = null;
            state.Objections.Clear();
            state.ObjectionRecords.Clear();
            state.SessionVersion++;
            await Save();
            LogErasureStarted(CustomerId, source);
        }
        var progress = state.Retention.Erasure;
        // Every node refuses the customer's cookies from here on, not only after its memory of versions runs out.
        await sessions.Closed([CustomerId]);
        // Durable beside the state: should the node die once the key is gone, the nightly sweep finds this mark and
        // resumes, even for an erasure on request long before the deadline the sweep otherwise looks at.
        await retentionIndex.RecordErasureStarted(RetentionSubjectKind.Customer, CustomerId, progress.StartedAt);

        // The key first: everything the customer left anywhere is unreadable from here on, whatever follows.
        await protector.DestroyKey(CustomerId);

        // Then every module's data (orders, designs, privacy records, outbox, audit trail), the e-mail index
        // entries and the reminder; none depends on another. All of them before the state row goes, since a retry
        // needs the row to know what to erase.
        var erased = new ErasedCustomer(CustomerId, progress.OrdersLeft, progress.DesignsLeft, progress.Source.ToString());
        await Task.WhenAll(
            personalDataErasers.Select(eraser => eraser.EraseCustomer(erased))
                .Concat(progress.EmailKeys.Select(key => Index(key).Release(CustomerId)))
                .Append(RetentionReminder.Unregister(this)));

        var erasedBy = progress.Source;
        // DeleteStateOnClear: the row is deleted, not left as a tombstone.
        await customer.ClearStateAsync();
        customer.State = new CustomerState();
        // A key made while the erasure ran (a late write under the customer's id) and the record's own go too.
        await protector.DestroyKeys([CustomerId, progress.RecordKey]);
        await retentionIndex.RecordErased(RetentionSubjectKind.Customer, CustomerId, clock.GetUtcNow(), erasedBy);
        LogErased(CustomerId, erasedBy);
        DeactivateOnIdle();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Customer {CustomerId}: erasure notice queued for the deadline {Deadline:yyyy-MM-dd}")]
    private partial void LogNoticeGiven(Guid customerId, DateTimeOffset deadline);

    [LoggerMessage(Level = LogLevel.Information, Message = "Customer {CustomerId}: erasure started ({Source})")]
    private partial void LogErasureStarted(Guid customerId, ErasureSource source);

    [LoggerMessage(Level = LogLevel.Information, Message = "Customer {CustomerId}: erased ({Source})")]
    private partial void LogErased(Guid customerId, ErasureSource source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Customer {CustomerId}: the retention check failed; the next reminder tick or the sweep resumes it")]
    private partial void LogRetentionFailed(Exception exception, Guid customerId);
}
