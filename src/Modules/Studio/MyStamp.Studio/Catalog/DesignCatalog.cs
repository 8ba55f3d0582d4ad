using MyStamp.Studio.Contracts;
using Npgsql;

namespace MyStamp.Studio.Catalog;

/// <summary>
/// The design catalog (<c>studio_design_catalog</c>): each design as its owner's list and the moderation queue show
/// it, written by the design's grain whenever it changes, read for lists in one query. The grain stays the truth.
/// No personal data: ids, statuses, sizes, the crop rectangle and dates.
/// </summary>
internal sealed class DesignCatalog(NpgsqlDataSource dataSource)
{
    /// <summary>The most rows the moderation queue answers at once.</summary>
    public const int MaxQueuePage = 200;

    /// <summary>The most designs of one owner a list answers.</summary>
    public const int MaxOwnerPage = 1_000;

    private const string Columns = """
        design_id, owner_id, status, format, crop_x, crop_y, crop_width, crop_height, width_px, height_px, uploaded_at,
        rejection_reason, ordered, deleted_unless_ordered_by, submitted_at, kept_photo, kept_width_px, kept_height_px
        """;

    public async Task Record(DesignView design)
    {
        await using var command = dataSource.CreateCommand($"""
            INSERT INTO studio_design_catalog ({Columns})
            VALUES (@design_id, @owner_id, @status, @format, @crop_x, @crop_y, @crop_width, @crop_height, @width_px, @height_px, @uploaded_at,
                    @rejection_reason, @ordered, @deleted_unless_ordered_by, @submitted_at, @kept_photo, @kept_width_px, @kept_height_px)
            ON CONFLICT (design_id) DO UPDATE SET
                status = excluded.status, format = excluded.format,
                crop_x = excluded.crop_x, crop_y = excluded.crop_y, crop_width = excluded.crop_width, crop_height = excluded.crop_height,
                rejection_reason = excluded.rejection_reason, ordered = excluded.ordered,
                deleted_unless_ordered_by = excluded.deleted_unless_ordered_by, submitted_at = excluded.submitted_at,
                kept_photo = excluded.kept_photo, kept_width_px = excluded.kept_width_px, kept_height_px = excluded.kept_height_px
            """);
        command.Parameters.AddWithValue("design_id", design.DesignId);
        command.Parameters.AddWithValue("owner_id", design.OwnerId);
        command.Parameters.AddWithValue("status", design.Status.ToString());
        command.Parameters.AddWithValue("format", design.Format.ToString());
        command.Parameters.AddWithValue("crop_x", design.Crop.X);
        command.Parameters.AddWithValue("crop_y", design.Crop.Y);
        command.Parameters.AddWithValue("crop_width", design.Crop.Width);
        command.Parameters.AddWithValue("crop_height", design.Crop.Height);
        command.Parameters.AddWithValue("width_px", design.WidthPx);
        command.Parameters.AddWithValue("height_px", design.HeightPx);
        command.Parameters.AddWithValue("uploaded_at", design.UploadedAt.UtcDateTime);
        command.Parameters.AddWithValue("rejection_reason", (object?)design.RejectionReason?.ToString() ?? DBNull.Value);
        command.Parameters.AddWithValue("ordered", design.Ordered);
        command.Parameters.AddWithValue("deleted_unless_ordered_by", (object?)design.DeletedUnlessOrderedBy?.UtcDateTime ?? DBNull.Value);
        command.Parameters.AddWithValue("submitted_at", (object?)design.SubmittedAt?.UtcDateTime ?? DBNull.Value);
        command.Parameters.AddWithValue("kept_photo", design.KeptPhoto.ToString());
        command.Parameters.AddWithValue("kept_width_px", design.KeptWidthPx);
        command.Parameters.AddWithValue("kept_height_px", design.KeptHeightPx);
        await command.ExecuteNonQueryAsync();
    }

    public async Task Remove(Guid designId)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM studio_design_catalog WHERE design_id = @design_id");
        command.Parameters.AddWithValue("design_id", designId);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>An owner's designs, newest upload first.</summary>
    public Task<IReadOnlyList<DesignView>> ListForOwner(Guid ownerId, int limit) =>
        Query($"SELECT {Columns} FROM studio_design_catalog WHERE owner_id = @value ORDER BY uploaded_at DESC, design_id DESC LIMIT @limit", ownerId, Math.Clamp(limit, 1, MaxOwnerPage));

    /// <summary>Designs with one status, oldest upload first (the order moderation works through them).</summary>
    public Task<IReadOnlyList<DesignView>> ListByStatus(DesignStatus status, int limit) =>
        Query($"SELECT {Columns} FROM studio_design_catalog WHERE status = @value ORDER BY uploaded_at, design_id LIMIT @limit", status.ToString(), Math.Clamp(limit, 1, MaxQueuePage));

    private async Task<IReadOnlyList<DesignView>> Query(string sql, object value, int limit)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("value", value);
        command.Parameters.AddWithValue("limit", limit);
        await using var reader = await command.ExecuteReaderAsync();
        var designs = new List<DesignView>();
        while (await reader.ReadAsync())
        {
            designs.Add(new DesignView(
                reader.GetGuid(0),
                reader.GetGuid(1),
                Enum.Parse<DesignStatus>(reader.GetString(2)),
                Enum.Parse<StampFormat>(reader.GetString(3)),
                new Crop(reader.GetInt32(4), reader.GetInt32(5), reader.GetInt32(6), reader.GetInt32(7)),
                reader.GetInt32(8),
                reader.GetInt32(9),
                Utc(reader.GetDateTime(10)),
                reader.IsDBNull(11) ? null : Enum.Parse<RejectionReason>(reader.GetString(11)),
                reader.GetBoolean(12),
                reader.IsDBNull(13) ? null : Utc(reader.GetDateTime(13)),
                reader.IsDBNull(14) ? null : Utc(reader.GetDateTime(14)),
                Enum.Parse<KeptPhoto>(reader.GetString(15)),
                reader.GetInt32(16),
                reader.GetInt32(17)));
        }
        return designs;
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
