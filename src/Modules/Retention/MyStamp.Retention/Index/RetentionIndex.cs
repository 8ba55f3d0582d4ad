using MyStamp.BuildingBlocks.Database;
using MyStamp.Retention.Contracts;
using Npgsql;

namespace MyStamp.Retention.Index;

/// <summary>The retention index in PostgreSQL (<c>retention_deadlines</c>): ids and dates only.</summary>
internal sealed class RetentionIndex : IRetentionIndex
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly RetentionMetrics _metrics;
    private readonly SharedRoundTrip<(RetentionSubjectKind Kind, Guid SubjectId, DateTimeOffset Deadline), (RetentionSubjectKind, Guid)> _schedules;

    public RetentionIndex(NpgsqlDataSource dataSource, RetentionMetrics metrics)
    {
        _dataSource = dataSource;
        _metrics = metrics;
        _schedules = new(row => (row.Kind, row.SubjectId), ScheduleMany);
    }

    /// <summary>Records a deadline; subjects scheduled at the same moment on this node share one statement.</summary>
    public Task Schedule(RetentionSubjectKind kind, Guid subjectId, DateTimeOffset deadline) => _schedules.Write((kind, subjectId, deadline));

    private async Task ScheduleMany(IReadOnlyList<(RetentionSubjectKind Kind, Guid SubjectId, DateTimeOffset Deadline)> subjects)
    {
        // A moved deadline needs a new notice; an erased subject stays erased.
        await using var command = _dataSource.CreateCommand("""
            INSERT INTO retention_deadlines (subject_kind, subject_id, deadline)
            SELECT * FROM unnest(@kind, @id, @deadline)
            ON CONFLICT (subject_kind, subject_id) DO UPDATE
                SET deadline = EXCLUDED.deadline,
                    notice_given_at = CASE WHEN retention_deadlines.deadline = EXCLUDED.deadline THEN retention_deadlines.notice_given_at END
                WHERE retention_deadlines.erased_at IS NULL AND retention_deadlines.deadline IS DISTINCT FROM EXCLUDED.deadline
            """);
        command.Parameters.AddWithValue("kind", subjects.Select(subject => RetentionMetrics.Tag(subject.Kind)).ToArray());
        command.Parameters.AddWithValue("id", subjects.Select(subject => subject.SubjectId).ToArray());
        command.Parameters.AddWithValue("deadline", subjects.Select(subject => subject.Deadline.UtcDateTime).ToArray());
        await command.ExecuteNonQueryAsync();
    }

    public async Task RecordNoticeGiven(Guid customerId, DateTimeOffset deadline, DateTimeOffset at)
    {
        await using var command = _dataSource.CreateCommand("""
            UPDATE retention_deadlines SET notice_given_at = @at
            WHERE subject_kind = 'customer' AND subject_id = @id AND deadline = @deadline AND notice_given_at IS NULL
            """);
        command.Parameters.AddWithValue("id", customerId);
        command.Parameters.AddWithValue("deadline", deadline.UtcDateTime);
        command.Parameters.AddWithValue("at", at.UtcDateTime);
        if (await command.ExecuteNonQueryAsync() > 0)
        {
            _metrics.NoticeGiven();
        }
    }

    public async Task RecordErased(RetentionSubjectKind kind, Guid subjectId, DateTimeOffset at, ErasureSource source, bool onlyIfTracked = false)
    {
        // A subject never indexed (erased before its first deadline was recorded) gets its row here. Only the
        // first record counts, so a retried erasure is not counted twice.
        await using var command = _dataSource.CreateCommand(onlyIfTracked ? """
            UPDATE retention_deadlines SET erased_at = @at, erased_by = @source
            WHERE subject_kind = @kind AND subject_id = @id AND erased_at IS NULL
            """ : """
            INSERT INTO retention_deadlines (subject_kind, subject_id, deadline, erased_at, erased_by) VALUES (@kind, @id, @at, @at, @source)
            ON CONFLICT (subject_kind, subject_id) DO UPDATE SET erased_at = EXCLUDED.erased_at, erased_by = EXCLUDED.erased_by
                WHERE retention_deadlines.erased_at IS NULL
            """);
        command.Parameters.AddWithValue("kind", RetentionMetrics.Tag(kind));
        command.Parameters.AddWithValue("id", subjectId);
        command.Parameters.AddWithValue("at", at.UtcDateTime);
        command.Parameters.AddWithValue("source", RetentionMetrics.Tag(source));
        if (await command.ExecuteNonQueryAsync() > 0)
        {
            _metrics.Erased(kind, source);
        }
    }

    public async Task RecordErasedMany(RetentionSubjectKind kind, IReadOnlyCollection<Guid> subjectIds, DateTimeOffset at, ErasureSource source)
    {
        if (subjectIds.Count == 0)
        {
            return;
        }
        await using var command = _dataSource.CreateCommand("""
            INSERT INTO retention_deadlines (subject_kind, subject_id, deadline, erased_at, erased_by)
            SELECT @kind, id, @at, @at, @source FROM unnest(@ids) AS id
            ON CONFLICT (subject_kind, subject_id) DO UPDATE SET erased_at = EXCLUDED.erased_at, erased_by = EXCLUDED.erased_by
                WHERE retention_deadlines.erased_at IS NULL
            """);
        command.Parameters.AddWithValue("kind", RetentionMetrics.Tag(kind));
        command.Parameters.AddWithValue("ids", subjectIds as Guid[] ?? subjectIds.ToArray());
        command.Parameters.AddWithValue("at", at.UtcDateTime);
        command.Parameters.AddWithValue("source", RetentionMetrics.Tag(source));
        var erased = await command.ExecuteNonQueryAsync();
        if (erased > 0)
        {
            _metrics.Erased(kind, source, erased);
        }
    }

    public async Task RecordErasureStarted(RetentionSubjectKind kind, Guid subjectId, DateTimeOffset at)
    {
        await using var command = _dataSource.CreateCommand("""
            INSERT INTO retention_deadlines (subject_kind, subject_id, deadline, erasure_started_at) VALUES (@kind, @id, @at, @at)
            ON CONFLICT (subject_kind, subject_id) DO UPDATE SET erasure_started_at = EXCLUDED.erasure_started_at
                WHERE retention_deadlines.erased_at IS NULL AND retention_deadlines.erasure_started_at IS NULL
            """);
        command.Parameters.AddWithValue("kind", RetentionMetrics.Tag(kind));
        command.Parameters.AddWithValue("id", subjectId);
        command.Parameters.AddWithValue("at", at.UtcDateTime);
        await command.ExecuteNonQueryAsync();
    }
}
