using MyStamp.Keys.Contracts;
using MyStamp.Privacy.Contracts;
using Npgsql;

namespace MyStamp.Privacy.IdentityDocuments;

/// <summary>
/// The redacted identity documents of requests under identity check (O9), in <c>privacy_identity_documents</c>,
/// sealed under the request's data key (the requester may have no account).
/// </summary>
internal sealed class IdentityDocumentStore(NpgsqlDataSource dataSource, IPersonalDataProtector protector)
{
    public async Task Save(Guid requestId, IdentityDocumentImage document, DateTimeOffset storedAt)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO privacy_identity_documents (request_id, media_type, content, stored_at)
            VALUES (@request_id, @media_type, @content, @stored_at)
            ON CONFLICT (request_id) DO UPDATE SET media_type = excluded.media_type, content = excluded.content, stored_at = excluded.stored_at
            """);
        command.Parameters.AddWithValue("request_id", requestId);
        command.Parameters.AddWithValue("media_type", document.MediaType);
        command.Parameters.AddWithValue("content", await protector.Seal(requestId, document.Content, Purpose(requestId)));
        command.Parameters.AddWithValue("stored_at", storedAt.ToUniversalTime());
        await command.ExecuteNonQueryAsync();
    }

    public async Task<IdentityDocumentImage?> Get(Guid requestId)
    {
        await using var command = dataSource.CreateCommand("SELECT media_type, content FROM privacy_identity_documents WHERE request_id = @request_id");
        command.Parameters.AddWithValue("request_id", requestId);
        string mediaType;
        byte[] sealedContent;
        await using (var reader = await command.ExecuteReaderAsync())
        {
            if (!await reader.ReadAsync())
            {
                return null;
            }
            (mediaType, sealedContent) = (reader.GetString(0), reader.GetFieldValue<byte[]>(1));
        }
        return await protector.Open(sealedContent, Purpose(requestId)) is { } content ? new IdentityDocumentImage(mediaType, content) : null;
    }

    private static string Purpose(Guid requestId) => $"privacy-identity-document:{requestId:N}";

    public async Task Delete(Guid requestId)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM privacy_identity_documents WHERE request_id = @request_id");
        command.Parameters.AddWithValue("request_id", requestId);
        await command.ExecuteNonQueryAsync();
    }
}
