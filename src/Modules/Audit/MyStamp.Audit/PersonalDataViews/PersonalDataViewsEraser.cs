using MyStamp.Audit.Contracts;
using MyStamp.Retention.Contracts;
using Npgsql;

namespace MyStamp.Audit.PersonalDataViews;

/// <summary>
/// Part of a customer's erasure (O7): the entries of the trail about the customer go too, else they would keep
/// pointing at a person who is gone. The customer grain calls it once the account is closed (no admin page shows
/// the customer any more), and before its own row goes.
/// </summary>
internal sealed class PersonalDataViewsEraser(IGrainFactory grains, NpgsqlDataSource database) : IPersonalDataEraser
{
    public string Name => "audit-personal-data-views";

    public async Task EraseCustomer(ErasedCustomer customer, CancellationToken cancellationToken = default) =>
        await grains.GetGrain<IPersonalDataViewsGrain>(customer.CustomerId).EraseAfterCustomerErasure();

    /// <summary>The sweep's batch: every erased customer's entries in one statement, through the trail's one erasure function.</summary>
    public async Task EraseCustomers(IReadOnlyList<ErasedCustomer> customers, CancellationToken cancellationToken = default)
    {
        if (customers.Count == 0)
        {
            return;
        }
        await using var command = database.CreateCommand("SELECT count(audit_erase_personal_data_views(customer_id)) FROM unnest(@customers) AS customer_id");
        command.Parameters.AddWithValue("customers", customers.Select(customer => customer.CustomerId).ToArray());
        await command.ExecuteScalarAsync(cancellationToken);
    }
}
