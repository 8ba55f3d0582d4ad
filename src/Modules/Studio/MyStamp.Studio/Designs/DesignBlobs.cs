using Npgsql;
using NpgsqlTypes;

namespace MyStamp.Studio.Designs;

/// <summary>
/// The kinds of file kept for a design: while it is cropped, the cleaned photo and its screen copy; once
/// submitted, the print master of the crop and its screen copy; and images derived from either (recomputable).
/// </summary>
internal static class BlobKind
{
    public const string Original = "original";
    public const string Screen = "screen";
    public const string PrintMaster = "print-master";
    public const string MasterScreen = "master-screen";
    public const string Preview = "preview";
    public const string Sheet = "sheet";

    /// <summary>The full photo's files, deleted once only the crop is kept.</summary>
    public static readonly string[] FullPhoto = [Original, Screen];

    /// <summary>What depends on the crop and format, and so goes stale when they change.</summary>
    public static readonly string[] CropDependent = [Preview, Sheet];
}

/// <summary>A stored file of a design.</summary>
internal sealed record StoredBlob(byte[] Content, string ContentType);

/// <summary>
/// The studio's blob table in PostgreSQL (studio_design_blobs): every node reads the same photos, and erasing
/// a design deletes them all in one statement (O7). Never the local disk.
/// </summary>
internal sealed class DesignBlobs(NpgsqlDataSource dataSource)
{
    public async Task Save(Guid designId, string kind, byte[] content, string contentType)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO studio_design_blobs (design_id, kind, content_type, content)
            VALUES (@design, @kind, @type, @content)
            ON CONFLICT (design_id, kind) DO UPDATE SET content_type = excluded.content_type, content = excluded.content, created_at = now()
            """);
        command.Parameters.AddWithValue("design", designId);
        command.Parameters.AddWithValue("kind", kind);
        command.Parameters.AddWithValue("type", contentType);
        command.Parameters.AddWithValue("content", NpgsqlDbType.Bytea, content);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<StoredBlob?> Load(Guid designId, string kind)
    {
        await using var command = dataSource.CreateCommand("SELECT content, content_type FROM studio_design_blobs WHERE design_id = @design AND kind = @kind");
        command.Parameters.AddWithValue("design", designId);
        command.Parameters.AddWithValue("kind", kind);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? new StoredBlob((byte[])reader[0], reader.GetString(1)) : null;
    }

    public async Task Delete(Guid designId, params string[] kinds)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM studio_design_blobs WHERE design_id = @design AND kind = ANY(@kinds)");
        command.Parameters.AddWithValue("design", designId);
        command.Parameters.AddWithValue("kinds", kinds);
        await command.ExecuteNonQueryAsync();
    }

    public async Task DeleteAll(Guid designId)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM studio_design_blobs WHERE design_id = @design");
        command.Parameters.AddWithValue("design", designId);
        await command.ExecuteNonQueryAsync();
    }
}
