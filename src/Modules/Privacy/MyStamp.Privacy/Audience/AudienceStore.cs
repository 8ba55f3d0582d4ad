using Npgsql;

namespace MyStamp.Privacy.Audience;

/// <summary>The ids of customers enrolled in the advertising audience (<c>privacy_audience</c>). Ids only, no personal data.</summary>
internal sealed class AudienceStore(NpgsqlDataSource dataSource)
{
    public async Task Enrol(Guid customerId, DateTimeOffset at)
    {
        await using var command = dataSource.CreateCommand("INSERT INTO privacy_audience (customer_id, enrolled_at) VALUES (@customer_id, @at) ON CONFLICT (customer_id) DO NOTHING");
        command.Parameters.AddWithValue("customer_id", customerId);
        command.Parameters.AddWithValue("at", at.ToUniversalTime());
        await command.ExecuteNonQueryAsync();
    }

    public async Task Remove(Guid customerId)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM privacy_audience WHERE customer_id = @customer_id");
        command.Parameters.AddWithValue("customer_id", customerId);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<IReadOnlyList<Guid>> Members()
    {
        await using var command = dataSource.CreateCommand("SELECT customer_id FROM privacy_audience ORDER BY enrolled_at, customer_id");
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }
        return ids;
    }
}
