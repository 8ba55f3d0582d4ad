using System.Diagnostics.Metrics;

namespace MyStamp.Privacy;

/// <summary>
/// The privacy desk's instruments (meter "MyStamp.Privacy"): data-subject requests found past their due date
/// by the overdue sweep (O10). Counts only: no request id, no requester.
/// </summary>
public sealed class PrivacyMetrics : IDisposable
{
    public const string MeterName = "MyStamp.Privacy";

    private readonly Meter _meter;
    private readonly Counter<long> _overdue;

    public PrivacyMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        _overdue = _meter.CreateCounter<long>("mystamp.privacy.overdue_requests", unit: "{request}", description: "Data-subject requests flagged overdue (past the month, or the extension) by the sweep.");
    }

    public void FlaggedOverdue(int count)
    {
        if (count > 0)
        {
            _overdue.Add(count);
        }
    }

    public void Dispose() => _meter.Dispose();
}
