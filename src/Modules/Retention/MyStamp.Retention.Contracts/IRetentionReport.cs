namespace MyStamp.Retention.Contracts;

/// <summary>What the admin page shows about retention: what the reminders and the sweep erased, and the last sweep.</summary>
public interface IRetentionReport
{
    Task<RetentionReportView> Read(CancellationToken cancellationToken = default);

    /// <summary>The notices waiting in the outbox (Development's admin console lists them instead of a mail server).</summary>
    Task<IReadOnlyList<PendingNotice>> PendingNotices(int limit, CancellationToken cancellationToken = default);

    /// <summary>Runs the backstop sweep now (admin button, tests, benchmark) and returns its result.</summary>
    Task<SweepResult> SweepNow(CancellationToken cancellationToken = default);
}

/// <summary>Counts by kind of subject and source of the erasure, the subjects due now, the last sweep.</summary>
public sealed record RetentionReportView(
    IReadOnlyList<ErasedCount> Erased,
    long CustomersTracked,
    long OrdersTracked,
    long DueNow,
    long NoticesPending,
    SweepResult? LastSweep);

/// <summary>How many subjects of a kind were erased by a source.</summary>
public sealed record ErasedCount(RetentionSubjectKind Kind, ErasureSource Source, long Count);

/// <summary>One run of the backstop sweep; <paramref name="Purged"/> says whether erased rows were also purged from the disk afterwards.</summary>
public sealed record SweepResult(
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    int Checked,
    int CustomersErased,
    int OrdersErased,
    int NoticesGiven,
    int Postponed,
    int Failures,
    bool Purged);

/// <summary>A notice in the outbox: personal data (an e-mail address), shown to admins only in Development.</summary>
public sealed record PendingNotice(Guid NoticeId, Guid CustomerId, string Email, DateTimeOffset EraseOn, DateTimeOffset QueuedAt, int Attempts)
{
    public override string ToString() => $"PendingNotice {{ NoticeId = {NoticeId}, CustomerId = {CustomerId} }}";
}
