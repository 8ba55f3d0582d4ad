using MyStamp.Audit.Contracts;
using MyStamp.BuildingBlocks.Errors;
using Npgsql;

namespace MyStamp.Audit.PersonalDataViews;

/// <summary>
/// The trail of admin views of one customer's personal data. It keeps no grain state: every entry is a
/// row of <c>audit_personal_data_views</c>, written before the data is shown, so a crash can lose a view
/// that was never shown but never show one that was not recorded.
/// </summary>
internal sealed class PersonalDataViewsGrain(NpgsqlDataSource database, TimeProvider clock) : Grain, IPersonalDataViewsGrain
{
    private Guid CustomerId => this.GetPrimaryKey();

    public async Task<PersonalDataView> Record(Guid adminId, string what)
    {
        if (adminId == Guid.Empty)
        {
            throw DomainException.Invalid("adminId", "Say which admin is looking.");
        }
        if (string.IsNullOrWhiteSpace(what) || what.Length > ViewedData.MaxLength || what.Any(char.IsControl))
        {
            throw DomainException.Invalid("what", $"Describe what is shown in 1 to {ViewedData.MaxLength} characters on one line.");
        }

        var view = new PersonalDataView(CustomerId, adminId, what.Trim(), ToDatabasePrecision(clock.GetUtcNow()));
        await using var command = database.CreateCommand("""
            INSERT INTO audit_personal_data_views (customer_id, admin_id, what, viewed_at)
            VALUES (@customer, @admin, @what, @at)
            """);
        command.Parameters.AddWithValue("customer", view.CustomerId);
        command.Parameters.AddWithValue("admin", view.AdminId);
        command.Parameters.AddWithValue("what", view.What);
        command.Parameters.AddWithValue("at", view.At);
        await command.ExecuteNonQueryAsync();
        return view;
    }

    public async Task<IReadOnlyList<PersonalDataView>> List()
    {
        await using var command = database.CreateCommand("""
            SELECT admin_id, what, viewed_at, export_id FROM audit_personal_data_views
            WHERE customer_id = @customer
            ORDER BY viewed_at DESC, id DESC
            """);
        command.Parameters.AddWithValue("customer", CustomerId);
        await using var reader = await command.ExecuteReaderAsync();
        var views = new List<PersonalDataView>();
        while (await reader.ReadAsync())
        {
            views.Add(new PersonalDataView(CustomerId, reader.GetGuid(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2),
                reader.IsDBNull(3) ? null : reader.GetGuid(3)));
        }
        return views;
    }

    /// <summary>PostgreSQL keeps microseconds: the entry returned is the one a later listing returns.</summary>
    internal static DateTimeOffset ToDatabasePrecision(DateTimeOffset at) => new(at.UtcTicks - at.UtcTicks % 10, TimeSpan.Zero);

    public async Task<int> EraseAfterCustomerErasure()
    {
        // The one delete the table's trigger lets through (see the migration).
        await using var command = database.CreateCommand("SELECT audit_erase_personal_data_views(@customer)");
        command.Parameters.AddWithValue("customer", CustomerId);
        var removed = (int)(await command.ExecuteScalarAsync() ?? 0);
        DeactivateOnIdle();
        return removed;
    }
}
