using MyStamp.BuildingBlocks.Retention;
using MyStamp.Orders.Contracts;
using Npgsql;

namespace MyStamp.Orders.Retention;

/// <summary>
/// What the Orders module keeps about a customer outside the order grains, erased with the customer (O7):
/// their rows in the orders overview and their Pro bulk orders with the record of their files.
/// </summary>
internal sealed class OrdersPersonalDataEraser(NpgsqlDataSource dataSource, IGrainFactory grains) : IPersonalDataEraser
{
    public string Name => "orders";

    public async Task EraseCustomer(Guid customerId, CancellationToken cancellationToken = default)
    {
        await Task.WhenAll(DeleteOverviewRows(customerId, cancellationToken), grains.GetGrain<IBulkOrderIntakeGrain>(customerId).Erase());
    }

    private async Task DeleteOverviewRows(Guid customerId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM orders_overview WHERE customer_id = @customer");
        command.Parameters.AddWithValue("customer", customerId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
