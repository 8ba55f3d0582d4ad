using Microsoft.Extensions.Options;
using MyStamp.BuildingBlocks.Grains;
using MyStamp.Retention.Contracts;
using Orleans.Configuration;
using MyStamp.Orders.Contracts;
using Npgsql;

namespace MyStamp.Orders.Retention;

/// <summary>
/// What the Orders module keeps about a customer, erased with the customer (O7): the personal data of each of
/// their orders (the accounting record stays, sealed under the order's own key from then on), their rows in
/// the orders overview, and their Pro bulk orders with the record of their files.
/// </summary>
internal sealed class OrdersPersonalDataEraser(
    NpgsqlDataSource dataSource, IGrainFactory grains, IRetentionIndex retentionIndex, IOptions<ClusterOptions> cluster, TimeProvider clock) : IPersonalDataEraser
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

    /// <summary>
    /// The sweep's batch, after the customers' keys were destroyed (their orders' states were sealed under them, so
    /// nothing in those rows opens any more): the orders' state rows, reminders and overview rows go in one
    /// transaction, without activating an order, and their index rows are closed in one statement. A Pro customer's
    /// bulk orders (rare) go through their intake grain as before.
    /// </summary>
    public async Task EraseCustomers(IReadOnlyList<ErasedCustomer> customers, CancellationToken cancellationToken = default)
    {
        if (customers.Count == 0)
        {
            return;
        }
        var customerIds = customers.Select(customer => customer.CustomerId).ToArray();
        var orderIds = customers.SelectMany(customer => customer.OrderIds).Distinct().ToArray();
        var intakes = await GrainRows.Existing(dataSource, "bulk-order-intake", customerIds, cancellationToken);
        await Task.WhenAll(intakes.Select(customerId => grains.GetGrain<IBulkOrderIntakeGrain>(customerId).Erase()));
        var overview = new NpgsqlBatchCommand("DELETE FROM orders_overview WHERE customer_id = ANY(@customers) OR order_id = ANY(@orders)");
        overview.Parameters.AddWithValue("customers", customerIds);
        overview.Parameters.AddWithValue("orders", orderIds);
        await GrainRows.Run(dataSource,
        [
            GrainRows.DeleteStates("order", orderIds),
            GrainRows.DeleteReminders(cluster.Value.ServiceId, orderIds.Select(id => grains.GetGrain<IOrderGrain>(id).GetGrainId())),
            overview,
        ], cancellationToken);
        var source = Enum.TryParse<ErasureSource>(customers[0].Source, out var parsed) ? parsed : ErasureSource.Sweep;
        await retentionIndex.RecordErasedMany(RetentionSubjectKind.Order, orderIds, clock.GetUtcNow(), source);
    }

    private async Task DeleteOverviewRows(Guid customerId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM orders_overview WHERE customer_id = @customer");
        command.Parameters.AddWithValue("customer", customerId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
