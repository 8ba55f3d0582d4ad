using System.Diagnostics.Metrics;
using MyStamp.Orders.Contracts;

namespace MyStamp.Orders;

/// <summary>
/// The order instruments (meter "MyStamp.Orders"): orders placed, by tariff and channel (single or bulk), and
/// status transitions, by the status reached. Tags are names from fixed lists: no id, no customer.
/// </summary>
public sealed class OrdersMetrics : IDisposable
{
    public const string MeterName = "MyStamp.Orders";

    private readonly Meter _meter;
    private readonly Counter<long> _placed;
    private readonly Counter<long> _transitions;

    public OrdersMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        _placed = _meter.CreateCounter<long>("mystamp.orders.placed", unit: "{order}", description: "Orders placed, by tariff and channel (single, bulk).");
        _transitions = _meter.CreateCounter<long>("mystamp.orders.transitions", unit: "{transition}", description: "Order status changes, by the status reached.");
    }

    public void Placed(Tariff tariff, bool bulk) =>
        _placed.Add(1, new KeyValuePair<string, object?>("tariff", tariff.ToString()), new KeyValuePair<string, object?>("channel", bulk ? "bulk" : "single"));

    public void Moved(OrderStatus to) => _transitions.Add(1, new KeyValuePair<string, object?>("status", to.ToString()));

    public void Dispose() => _meter.Dispose();
}
