namespace MyStamp.Retention.Contracts;

/// <summary>
/// The retention index (<c>retention_deadlines</c>): one row per subject with its deadline and, once
/// erased, when and by what. It holds random ids and dates only, no personal data. Grains keep it up to
/// date; the daily sweep reads it to find subjects past their deadline whose reminder did not do the job.
/// Registered in DI by the Retention module.
/// </summary>
public interface IRetentionIndex
{
    /// <summary>Records (or moves) a subject's deadline. A moved deadline asks for a new notice. Ignored once erased.</summary>
    Task Schedule(RetentionSubjectKind kind, Guid subjectId, DateTimeOffset deadline);

    /// <summary>Records that the customer was told about the erasure at <paramref name="deadline"/>.</summary>
    Task RecordNoticeGiven(Guid customerId, DateTimeOffset deadline, DateTimeOffset at);

    /// <summary>
    /// Records that the subject was erased and counts it in the metrics by source. Idempotent: a subject
    /// already recorded as erased is counted once.
    /// </summary>
    /// <param name="onlyIfTracked">
    /// For a subject whose state is already gone (a retry after a crash, or an id that never existed):
    /// close its row if the index has one, but add none.
    /// </param>
    Task RecordErased(RetentionSubjectKind kind, Guid subjectId, DateTimeOffset at, ErasureSource source, bool onlyIfTracked = false);

    /// <summary>
    /// <see cref="RecordErased"/> for a batch in one statement (the sweep's batch erasure); each subject is counted
    /// once, and a subject the index never held gets a row.
    /// </summary>
    Task RecordErasedMany(RetentionSubjectKind kind, IReadOnlyCollection<Guid> subjectIds, DateTimeOffset at, ErasureSource source);

    /// <summary>
    /// Marks an erasure as under way, before the subject's key is destroyed: until <see cref="RecordErased"/> closes
    /// the row, the nightly sweep asks the subject to finish it, whatever its deadline (a node may die in between).
    /// </summary>
    Task RecordErasureStarted(RetentionSubjectKind kind, Guid subjectId, DateTimeOffset at);
}
