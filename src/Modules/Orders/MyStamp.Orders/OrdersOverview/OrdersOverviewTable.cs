using MyStamp.BuildingBlocks.Database;
using MyStamp.Orders.Contracts;
using Npgsql;

namespace MyStamp.Orders.OrdersOverview;

/// <summary>
/// The orders overview table (<c>orders_overview</c>): written by each order grain whenever it changes,
/// read for lists. The grain is the truth; the overview only helps find orders. No personal data.
/// </summary>
internal sealed class OrdersOverviewTable
{
    private const string Columns = "order_id, customer_id, design_id, status, status_at, tariff, sheets, total, currency, placed_at, bulk_order_id";

    private readonly NpgsqlDataSource _dataSource;
    private readonly SharedRoundTrip<OrderSummary, Guid> _upserts;

    public OrdersOverviewTable(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource;
        _upserts = new(order => order.OrderId, UpsertMany);
    }

    /// <summary>Writes the order's row; orders changing at the same moment on this node share one statement.</summary>
    public Task Upsert(OrderSummary order) => _upserts.Write(order);

    private async Task UpsertMany(IReadOnlyList<OrderSummary> orders)
    {
        await using var command = _dataSource.CreateCommand($"""
            INSERT INTO orders_overview ({Columns})
            SELECT * FROM unnest(@order_id, @customer_id, @design_id, @status, @status_at, @tariff, @sheets, @total, @currency, @placed_at, @bulk_order_id)
            ON CONFLICT (order_id) DO UPDATE SET status = EXCLUDED.status, status_at = EXCLUDED.status_at
            """);
        command.Parameters.AddWithValue("order_id", orders.Select(order => order.OrderId).ToArray());
        command.Parameters.AddWithValue("customer_id", orders.Select(order => order.CustomerId).ToArray());
        command.Parameters.AddWithValue("design_id", orders.Select(order => order.DesignId).ToArray());
        command.Parameters.AddWithValue("status", orders.Select(order => order.Status.ToString()).ToArray());
        command.Parameters.AddWithValue("status_at", orders.Select(order => order.StatusAt.UtcDateTime).ToArray());
        command.Parameters.AddWithValue("tariff", orders.Select(order => order.Tariff.ToString()).ToArray());
        command.Parameters.AddWithValue("sheets", orders.Select(order => order.Sheets).ToArray());
        command.Parameters.AddWithValue("total", orders.Select(order => order.Total).ToArray());
        command.Parameters.AddWithValue("currency", orders.Select(order => order.Currency).ToArray());
        command.Parameters.AddWithValue("placed_at", orders.Select(order => order.PlacedAt.UtcDateTime).ToArray());
        command.Parameters.AddWithValue("bulk_order_id", orders.Select(order => order.BulkOrderId).ToArray());
        await command.ExecuteNonQueryAsync();
    }

    public async Task Delete(Guid orderId)
    {
        await using var command = _dataSource.CreateCommand("DELETE FROM orders_overview WHERE order_id = @order_id");
        command.Parameters.AddWithValue("order_id", orderId);
        await command.ExecuteNonQueryAsync();
    }

    public Task<IReadOnlyList<OrderSummary>> ListForCustomer(Guid customerId, int limit) =>
        Query($"SELECT {Columns} FROM orders_overview WHERE customer_id = @value ORDER BY placed_at DESC, order_id DESC LIMIT @limit", customerId, limit);

    public Task<IReadOnlyList<OrderSummary>> ListByStatus(OrderStatus status, int limit) =>
        Query($"SELECT {Columns} FROM orders_overview WHERE status = @value ORDER BY status_at, order_id LIMIT @limit", status.ToString(), limit);

    private async Task<IReadOnlyList<OrderSummary>> Query(string sql, object value, int limit)
    {
        await using var command = _dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("value", value);
        command.Parameters.AddWithValue("limit", Math.Clamp(limit, 1, 10_000));
        await using var reader = await command.ExecuteReaderAsync();
        var orders = new List<OrderSummary>();
        while (await reader.ReadAsync())
        {
            orders.Add(new OrderSummary(
                reader.GetGuid(0),
                reader.GetGuid(1),
                reader.GetGuid(2),
                Enum.Parse<OrderStatus>(reader.GetString(3)),
                new DateTimeOffset(reader.GetDateTime(4), TimeSpan.Zero),
                Enum.Parse<Tariff>(reader.GetString(5)),
                reader.GetInt32(6),
                reader.GetDecimal(7),
                reader.GetString(8),
                new DateTimeOffset(reader.GetDateTime(9), TimeSpan.Zero),
                reader.IsDBNull(10) ? null : reader.GetGuid(10)));
        }
        return orders;
    }
}
