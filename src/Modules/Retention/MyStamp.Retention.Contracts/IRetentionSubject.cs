namespace MyStamp.Retention.Contracts;

/// <summary>
/// A grain that keeps personal data and erases itself when its retention deadline passes (O7): each
/// customer and each order. The grain registers an Orleans reminder for its own deadline; the reminder,
/// the daily sweep and an erasure request all end up in <see cref="CheckRetention"/>, which re-checks the
/// deadline against the grain's own clock, so a reminder that fires early or twice erases nothing.
/// Reach it from another module through the subject's own interface:
/// <c>grains.GetGrain&lt;ICustomerGrain&gt;(id).AsReference&lt;IRetentionSubject&gt;()</c>.
/// </summary>
[Alias("mystamp.retention.subject")]
public interface IRetentionSubject : IGrainWithGuidKey
{
    /// <summary>
    /// Re-checks the deadline now: tells the customer thirty days ahead, postpones when a later order moved
    /// the deadline, erases when due (resuming an erasure a crash interrupted). Safe to call at any time and
    /// any number of times: a subject that is gone answers <see cref="RetentionOutcome.AlreadyErased"/>.
    /// </summary>
    Task<RetentionOutcome> CheckRetention(ErasureSource source);

    /// <summary>
    /// Erases now, whatever the deadline: a data subject's erasure request (GDPR art. 17) once fulfilled.
    /// Idempotent, and resumes an erasure a crash interrupted.
    /// </summary>
    Task EraseNow(ErasureSource source);

    /// <summary>
    /// When this subject's personal data is due for erasure, or null when there is nothing (left) to keep:
    /// never created, or already erased. An order asks its customer before erasing itself. Interleaves: the
    /// customer may be erasing (and calling this very order) while the order asks.
    /// </summary>
    [Orleans.Concurrency.AlwaysInterleave]
    Task<DateTimeOffset?> GetRetentionDeadline();
}

/// <summary>What a retention check did.</summary>
public enum RetentionOutcome
{
    /// <summary>The deadline has not come: nothing changed.</summary>
    NotDue = 0,
    /// <summary>The deadline is less than thirty days away and the customer was told just now.</summary>
    NoticeGiven = 1,
    /// <summary>The subject's own deadline passed, but a later order keeps it: the deadline moved.</summary>
    Postponed = 2,
    /// <summary>The personal data was erased just now.</summary>
    Erased = 3,
    /// <summary>There was nothing to erase: never existed or erased before.</summary>
    AlreadyErased = 4,
}

/// <summary>What caused an erasure; reported in metrics and on the admin page.</summary>
public enum ErasureSource
{
    /// <summary>The subject's own Orleans reminder fired at the deadline.</summary>
    Reminder = 0,
    /// <summary>The daily backstop sweep found the subject past its deadline (a lost reminder, a failed grain).</summary>
    Sweep = 1,
    /// <summary>The data subject asked for erasure (GDPR art. 17), through the privacy module.</summary>
    Request = 2,
}

/// <summary>The kinds of subject the retention index tracks.</summary>
public enum RetentionSubjectKind
{
    Customer = 0,
    Order = 1,
}

/// <summary>Names shared by the grains that keep retention reminders.</summary>
public static class RetentionReminder
{
    /// <summary>The one reminder each retention subject registers for its deadline (or its notice).</summary>
    public const string Name = "retention";

    /// <summary>
    /// Registers (or moves) <paramref name="subject"/>'s retention reminder to fire at <paramref name="at"/> (at once
    /// when that is past), then every day until the subject unregisters it: a tick that fails is retried.
    /// </summary>
    public static Task Register(Grain subject, DateTimeOffset at, DateTimeOffset now) =>
        subject.RegisterOrUpdateReminder(Name, RetentionPeriod.DueIn(at, now), RetentionPeriod.RetryEvery);

    /// <summary>Unregisters <paramref name="subject"/>'s retention reminder, if it has one: its data is erased.</summary>
    public static async Task Unregister(Grain subject)
    {
        if (await subject.GetReminder(Name) is { } reminder)
        {
            await subject.UnregisterReminder(reminder);
        }
    }

    /// <summary>
    /// What a subject does when a reminder ticks, the same for every subject: its retention reminder re-checks the
    /// deadline (<see cref="IRetentionSubject.CheckRetention"/>, on the grain itself, not through a grain call); any
    /// other reminder is not retention's. A failure is only logged: the reminder ticks again a day later and resumes,
    /// and the nightly sweep looks too.
    /// </summary>
    public static async Task Tick(IRetentionSubject subject, string reminderName, Action<Exception> logFailure)
    {
        if (reminderName != Name)
        {
            return;
        }
        try
        {
            await subject.CheckRetention(ErasureSource.Reminder);
        }
        catch (Exception exception)
        {
            logFailure(exception);
        }
    }
}

/// <summary>
/// The nightly sweep's batch erasure of customers past their deadline (O7), implemented by the Customers module:
/// the keys of the whole batch are destroyed in one statement, and every module deletes its rows for the whole
/// batch with one statement per table, without activating a grain just to erase it.
/// </summary>
public interface ICustomerBatchErasure
{
    /// <summary>
    /// Erases those of <paramref name="customerIds"/> that are due and that the batch can take (not active on any
    /// node, no erasure of their own under way, no e-mail address still to release), and finishes every batch
    /// erasure a dying node left halfway. The others are left to their grains (<see cref="IRetentionSubject"/>).
    /// </summary>
    Task<BatchErasure> EraseDue(IReadOnlyList<Guid> customerIds, ErasureSource source, CancellationToken cancellationToken = default);
}

/// <summary>What a batch erased, and which customers it left to their grains.</summary>
public sealed record BatchErasure(IReadOnlyList<Guid> Erased, int OrdersErased, IReadOnlyList<Guid> LeftToTheirGrains);
