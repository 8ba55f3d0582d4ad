using System.Diagnostics.Metrics;
using MyStamp.Retention.Contracts;

namespace MyStamp.Retention.Index;

/// <summary>
/// The retention instruments (meter "MyStamp.Retention"): how many subjects were erased, by kind and by
/// source (reminder, sweep, request), and how many notices were given. Tags hold no ids.
/// </summary>
public sealed class RetentionMetrics : IDisposable
{
    public const string MeterName = "MyStamp.Retention";

    private readonly Meter _meter;
    private readonly Counter<long> _erased;
    private readonly Counter<long> _notices;

    public RetentionMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        _erased = _meter.CreateCounter<long>("mystamp.retention.erased", unit: "{subject}", description: "Subjects whose personal data was erased (O7), by kind and source.");
        _notices = _meter.CreateCounter<long>("mystamp.retention.notices", unit: "{notice}", description: "Erasure notices given thirty days ahead.");
    }

    public void Erased(RetentionSubjectKind kind, ErasureSource source, long count = 1) =>
        _erased.Add(count, new KeyValuePair<string, object?>("subject", Tag(kind)), new KeyValuePair<string, object?>("source", Tag(source)));

    public void NoticeGiven() => _notices.Add(1);

    public static string Tag(RetentionSubjectKind kind) => kind switch
    {
        RetentionSubjectKind.Customer => "customer",
        RetentionSubjectKind.Order => "order",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string Tag(ErasureSource source) => source switch
    {
        ErasureSource.Reminder => "reminder",
        ErasureSource.Sweep => "sweep",
        ErasureSource.Request => "request",
        _ => throw new ArgumentOutOfRangeException(nameof(source)),
    };

    public static RetentionSubjectKind Kind(string tag) => tag == "customer" ? RetentionSubjectKind.Customer : RetentionSubjectKind.Order;

    public static ErasureSource Source(string tag) => tag switch
    {
        "reminder" => ErasureSource.Reminder,
        "sweep" => ErasureSource.Sweep,
        _ => ErasureSource.Request,
    };

    public void Dispose() => _meter.Dispose();
}
