using MyStamp.Audit.Contracts;
using MyStamp.BuildingBlocks.Errors;
using MyStamp.Integration.Tests.Infrastructure;
using Npgsql;

namespace MyStamp.Integration.Tests.Admin;

/// <summary>The trail of admin looks at personal data: complete, ordered, and impossible to edit.</summary>
public class AuditTrailTests(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private MyStampNode Node => fixture.Node;

    [Fact]
    public async Task A_look_at_a_customer_is_listed_with_the_admin_what_and_when()
    {
        var customerId = Guid.CreateVersion7();
        var adminId = Guid.CreateVersion7();
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        var recorded = await Trail(customerId).Record(adminId, ViewedData.CustomerPage);

        var view = Assert.Single(await Trail(customerId).List());
        Assert.Equal(recorded, view);
        Assert.Equal((customerId, adminId, ViewedData.CustomerPage), (view.CustomerId, view.AdminId, view.What));
        Assert.InRange(view.At, before, DateTimeOffset.UtcNow.AddSeconds(1));
    }

    [Fact]
    public async Task The_trail_lists_the_newest_look_first_and_only_looks_at_that_customer()
    {
        var customerId = Guid.CreateVersion7();
        var first = await Trail(customerId).Record(Guid.CreateVersion7(), "first look");
        var second = await Trail(customerId).Record(Guid.CreateVersion7(), "second look");
        await Trail(Guid.CreateVersion7()).Record(Guid.CreateVersion7(), "someone else");

        var views = await Trail(customerId).List();

        Assert.Equal([second.What, first.What], views.Select(view => view.What));
    }

    [Fact]
    public async Task A_look_without_an_admin_or_a_one_line_description_is_refused()
    {
        var trail = Trail(Guid.CreateVersion7());

        var noAdmin = await Assert.ThrowsAsync<DomainException>(() => trail.Record(Guid.Empty, ViewedData.CustomerPage));
        var noWhat = await Assert.ThrowsAsync<DomainException>(() => trail.Record(Guid.CreateVersion7(), " "));
        var tooLong = await Assert.ThrowsAsync<DomainException>(() => trail.Record(Guid.CreateVersion7(), new string('x', ViewedData.MaxLength + 1)));
        var twoLines = await Assert.ThrowsAsync<DomainException>(() => trail.Record(Guid.CreateVersion7(), "profile\nforged line"));

        Assert.All([noAdmin, noWhat, tooLong, twoLines], error => Assert.Equal(DomainErrorKind.Validation, error.Kind));
        Assert.Empty(await trail.List());
    }

    [Theory]
    [InlineData("UPDATE audit_personal_data_views SET what = 'nothing to see' WHERE customer_id = @customer")]
    [InlineData("UPDATE audit_personal_data_views SET admin_id = gen_random_uuid() WHERE customer_id = @customer")]
    [InlineData("DELETE FROM audit_personal_data_views WHERE customer_id = @customer")]
    [InlineData("TRUNCATE audit_personal_data_views")]
    public async Task Nobody_can_edit_or_remove_an_entry_even_with_direct_database_access(string edit)
    {
        var customerId = Guid.CreateVersion7();
        var recorded = await Trail(customerId).Record(Guid.CreateVersion7(), ViewedData.CustomerPage);

        var refused = await Assert.ThrowsAsync<PostgresException>(() => Execute(edit, customerId));

        Assert.Contains("append-only", refused.MessageText);
        Assert.Equal([recorded], await Trail(customerId).List());
    }

    [Fact]
    public async Task Erasing_a_customer_removes_their_entries_only_and_can_run_again()
    {
        var erased = Guid.CreateVersion7();
        var other = Guid.CreateVersion7();
        await Trail(erased).Record(Guid.CreateVersion7(), "first look");
        await Trail(erased).Record(Guid.CreateVersion7(), "second look");
        var kept = await Trail(other).Record(Guid.CreateVersion7(), "a look at someone else");

        Assert.Equal(2, await Trail(erased).EraseAfterCustomerErasure());
        Assert.Equal(0, await Trail(erased).EraseAfterCustomerErasure());

        Assert.Empty(await Trail(erased).List());
        Assert.Equal(0L, await TestDatabase.Scalar<long>("SELECT count(*) FROM audit_personal_data_views WHERE customer_id = @customer", ("customer", erased)));
        Assert.Equal([kept], await Trail(other).List());
    }

    [Fact]
    public async Task The_erasure_permission_does_not_outlive_the_erasure()
    {
        var customerId = Guid.CreateVersion7();
        await Trail(Guid.CreateVersion7()).EraseAfterCustomerErasure();
        var recorded = await Trail(customerId).Record(Guid.CreateVersion7(), ViewedData.CustomerPage);

        // Same session after the erasure function ran: a plain DELETE is still refused.
        await using var dataSource = TestDatabase.CreateDataSource();
        await using var connection = await dataSource.OpenConnectionAsync();
        await using (var erase = new NpgsqlCommand("SELECT audit_erase_personal_data_views(@other)", connection))
        {
            erase.Parameters.AddWithValue("other", Guid.CreateVersion7());
            await erase.ExecuteScalarAsync();
        }
        await using var delete = new NpgsqlCommand("DELETE FROM audit_personal_data_views WHERE customer_id = @customer", connection);
        delete.Parameters.AddWithValue("customer", customerId);
        await Assert.ThrowsAsync<PostgresException>(() => delete.ExecuteNonQueryAsync());

        Assert.Equal([recorded], await Trail(customerId).List());
    }

    private IPersonalDataViewsGrain Trail(Guid customerId) => Node.Grains.GetGrain<IPersonalDataViewsGrain>(customerId);

    private static async Task Execute(string sql, Guid customerId)
    {
        await using var dataSource = TestDatabase.CreateDataSource();
        await using var command = dataSource.CreateCommand(sql);
        if (sql.Contains("@customer", StringComparison.Ordinal))
        {
            command.Parameters.AddWithValue("customer", customerId);
        }
        await command.ExecuteNonQueryAsync();
    }
}
