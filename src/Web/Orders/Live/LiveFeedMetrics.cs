using System.Diagnostics.Metrics;

namespace MyStamp.Web.Orders.Live;

/// <summary>
/// The live feed's instruments (meter "MyStamp.LiveFeed"): messages this node pushed to signed-in browsers over
/// SignalR, by kind (an order's status change, a bulk order's progress). No id and no customer in any tag.
/// </summary>
public sealed class LiveFeedMetrics : IDisposable
{
    public const string MeterName = "MyStamp.LiveFeed";

    private readonly Meter _meter;
    private readonly Counter<long> _pushed;

    public LiveFeedMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        _pushed = _meter.CreateCounter<long>("mystamp.live.pushed", unit: "{message}", description: "Live updates pushed to browsers of the customer concerned, by kind (status, bulk-progress).");
    }

    public void Pushed(string kind) => _pushed.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void Dispose() => _meter.Dispose();
}
