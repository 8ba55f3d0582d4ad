using MyStamp.BuildingBlocks.Retention;
using MyStamp.Orders.Contracts;
using MyStamp.Retention.Contracts;
using Npgsql;

namespace MyStamp.Orders.Retention;

/// <summary>
/// What the Orders module keeps about a customer, erased with the customer (O7): the personal data of each of
/// their orders (the accounting record stays, sealed under the order's own key from then on), their rows in
/// the orders overview, and their Pro bulk orders with the record of their files.
/// </summary>
internal sealed class OrdersPersonalDataEraser(NpgsqlDataSource dataSource, IGrainFactory grains) : IPersonalDataEraser
{
    /// <summary>How many orders of one customer are erased at once.</summary>
    private const int EraseAtOnce = 8;

    public string Name => "orders";

    public async Task EraseCustomer(ErasedCustomer customer, CancellationToken cancellationToken = default)
    {
        var source = Enum.TryParse<ErasureSource>(customer.Source, out var parsed) ? parsed : ErasureSource.Request;
        foreach (var batch in customer.OrderIds.Chunk(EraseAtOnce))
        {
            await Task.WhenAll(batch.Select(orderId => grains.GetGrain<IOrderGrain>(orderId).ErasePersonalData(source)));
        }
        await Task.WhenAll(DeleteOverviewRows(customer.CustomerId, cancellationToken), grains.GetGrain<IBulkOrderIntakeGrain>(customer.CustomerId).Erase());
    }

    private async Task DeleteOverviewRows(Guid customerId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM orders_overview WHERE customer_id = @customer");
        command.Parameters.AddWithValue("customer", customerId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
