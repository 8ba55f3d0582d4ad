using MyStamp.Audit.Contracts;
using MyStamp.Audit.PersonalDataViews;
using MyStamp.BuildingBlocks.Errors;
using Npgsql;
using Orleans.Concurrency;

namespace MyStamp.Audit.Exports;

/// <summary>
/// Records a bulk export and, for each person in it, an entry in their trail, in one transaction: an export
/// is never handed over with some of its people unrecorded. Keeps no state; rows only.
/// </summary>
[StatelessWorker]
internal sealed class PersonalDataExportsGrain(NpgsqlDataSource database, TimeProvider clock) : Grain, IPersonalDataExportsGrain
{
    public const int MaxChannelLength = 50;

    public async Task<RecordedExport> Record(Guid adminId, string channel, IReadOnlyList<Guid> customerIds)
    {
        if (adminId == Guid.Empty)
        {
            throw DomainException.Invalid("adminId", "Say which admin exports.");
        }
        if (string.IsNullOrWhiteSpace(channel) || channel.Length > MaxChannelLength || channel.Any(char.IsControl))
        {
            throw DomainException.Invalid("channel", $"Name the channel in 1 to {MaxChannelLength} characters on one line.");
        }
        var people = customerIds.Where(id => id != Guid.Empty).Distinct().ToArray();
        var export = new RecordedExport(Guid.CreateVersion7(), adminId, channel.Trim(), people.Length,
            PersonalDataViewsGrain.ToDatabasePrecision(clock.GetUtcNow()));

        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var log = new NpgsqlCommand("""
            INSERT INTO audit_personal_data_exports (id, admin_id, channel, subjects, exported_at)
            VALUES (@id, @admin, @channel, @subjects, @at)
            """, connection, transaction))
        {
            log.Parameters.AddWithValue("id", export.ExportId);
            log.Parameters.AddWithValue("admin", export.AdminId);
            log.Parameters.AddWithValue("channel", export.Channel);
            log.Parameters.AddWithValue("subjects", export.People);
            log.Parameters.AddWithValue("at", export.At);
            await log.ExecuteNonQueryAsync();
        }
        // One statement for all of them: an export of thousands of people is one round trip, not thousands.
        await using (var entries = new NpgsqlCommand("""
            INSERT INTO audit_personal_data_views (customer_id, admin_id, what, viewed_at, export_id)
            SELECT person, @admin, @what, @at, @id FROM unnest(@people) AS person
            """, connection, transaction))
        {
            entries.Parameters.AddWithValue("people", people);
            entries.Parameters.AddWithValue("admin", export.AdminId);
            entries.Parameters.AddWithValue("what", ViewedData.IncludedInExport(export.Channel));
            entries.Parameters.AddWithValue("at", export.At);
            entries.Parameters.AddWithValue("id", export.ExportId);
            await entries.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
        return export;
    }

    public async Task<RecordedExport?> Get(Guid exportId)
    {
        await using var command = database.CreateCommand("SELECT admin_id, channel, subjects, exported_at FROM audit_personal_data_exports WHERE id = @id");
        command.Parameters.AddWithValue("id", exportId);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new RecordedExport(exportId, reader.GetGuid(0), reader.GetString(1), reader.GetInt32(2), reader.GetFieldValue<DateTimeOffset>(3))
            : null;
    }
}
