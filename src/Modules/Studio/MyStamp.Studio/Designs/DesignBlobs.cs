using MyStamp.Keys.Contracts;
using MyStamp.Keys.Envelopes;
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
/// a design deletes them all in one statement (O7). Never the local disk. Every photo and derived image is
/// stored sealed under its owner's data key, so destroying the owner's key makes every copy unreadable
/// (dead tuples, WAL, backups); the envelope names its subject, so reading needs no owner id.
/// </summary>
internal sealed class DesignBlobs(NpgsqlDataSource dataSource, IPersonalDataProtector protector)
{
    public async Task Save(Guid ownerId, Guid designId, string kind, byte[] content, string contentType)
    {
        var sealedContent = await protector.Seal(ownerId, content, Purpose(designId, kind));
        await using var command = dataSource.CreateCommand("""
            INSERT INTO studio_design_blobs (design_id, kind, content_type, content)
            VALUES (@design, @kind, @type, @content)
            ON CONFLICT (design_id, kind) DO UPDATE SET content_type = excluded.content_type, content = excluded.content, created_at = now()
            """);
        command.Parameters.AddWithValue("design", designId);
        command.Parameters.AddWithValue("kind", kind);
        command.Parameters.AddWithValue("type", contentType);
        command.Parameters.AddWithValue("content", NpgsqlDbType.Bytea, sealedContent);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<StoredBlob?> Load(Guid designId, string kind)
    {
        await using var command = dataSource.CreateCommand("SELECT content, content_type FROM studio_design_blobs WHERE design_id = @design AND kind = @kind");
        command.Parameters.AddWithValue("design", designId);
        command.Parameters.AddWithValue("kind", kind);
        byte[] sealedContent;
        string contentType;
        await using (var reader = await command.ExecuteReaderAsync())
        {
            if (!await reader.ReadAsync())
            {
                return null;
            }
            (sealedContent, contentType) = ((byte[])reader[0], reader.GetString(1));
        }
        if (!SealedEnvelope.LooksSealed(sealedContent))
        {
            // Stored before photos were sealed (an image file never starts with the envelope's version byte).
            return new StoredBlob(sealedContent, contentType);
        }
        // Null when the owner's key was destroyed: an erased owner's photo is as good as gone.
        return await protector.Open(sealedContent, Purpose(designId, kind)) is { } content ? new StoredBlob(content, contentType) : null;
    }

    /// <summary>Binds each sealed file to its design and kind: a row copied onto another design does not open.</summary>
    private static string Purpose(Guid designId, string kind) => $"studio-blob:{designId:N}:{kind}";

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
