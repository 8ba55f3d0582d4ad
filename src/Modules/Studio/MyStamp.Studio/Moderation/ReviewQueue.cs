using MyStamp.Studio.Contracts;
using Npgsql;

namespace MyStamp.Studio.Moderation;

/// <summary>
/// The moderation read model (studio_review_queue): each design's status, written by its grain, read by
/// admins looking for work. The grain stays the truth; this is only an index of ids.
/// </summary>
internal sealed class ReviewQueue(NpgsqlDataSource dataSource)
{
    public async Task Record(Guid designId, DesignStatus status, DateTimeOffset uploadedAt)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO studio_review_queue (design_id, status, uploaded_at) VALUES (@design, @status, @uploaded)
            ON CONFLICT (design_id) DO UPDATE SET status = excluded.status
            """);
        command.Parameters.AddWithValue("design", designId);
        command.Parameters.AddWithValue("status", status.ToString());
        command.Parameters.AddWithValue("uploaded", uploadedAt);
        await command.ExecuteNonQueryAsync();
    }

    public async Task Remove(Guid designId)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM studio_review_queue WHERE design_id = @design");
        command.Parameters.AddWithValue("design", designId);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Designs with the given status, oldest upload first.</summary>
    public async Task<IReadOnlyList<Guid>> List(DesignStatus status, int limit)
    {
        await using var command = dataSource.CreateCommand("SELECT design_id FROM studio_review_queue WHERE status = @status ORDER BY uploaded_at, design_id LIMIT @limit");
        command.Parameters.AddWithValue("status", status.ToString());
        command.Parameters.AddWithValue("limit", limit);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<Guid>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }
        return ids;
    }
}

/// <summary>Lets the web edge ask the read model without a database of its own; any silo can answer.</summary>
[Orleans.Concurrency.StatelessWorker]
internal sealed class DesignModerationGrain(ReviewQueue queue) : Grain, IDesignModerationGrain
{
    public const int MaxPage = 200;

    public Task<IReadOnlyList<Guid>> List(DesignStatus status, int limit) =>
        queue.List(status, Math.Clamp(limit, 1, MaxPage));
}
