using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace MyStamp.Studio;

/// <summary>
/// The studio's instruments (meter "MyStamp.Studio"): image jobs through the imaging gate, by outcome (done,
/// failed, busy, timeout, memory), and how long each took. A static meter, as .NET recommends for a library
/// without its own container: the gate is also built by hand (its tests, the studio benchmark). No ids in tags.
/// </summary>
public static class StudioMetrics
{
    public const string MeterName = "MyStamp.Studio";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Jobs = Meter.CreateCounter<long>("mystamp.studio.image_jobs", unit: "{job}", description: "Image jobs (decode, preview, sheet) through the imaging gate, by outcome.");
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("mystamp.studio.image_job.duration", unit: "s", description: "Time of one image job, waiting for a slot included.");

    internal static void JobEnded(string outcome, long startedAt)
    {
        var tag = new KeyValuePair<string, object?>("outcome", outcome);
        Jobs.Add(1, tag);
        Duration.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds, tag);
    }
}
