using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace MyStamp.BuildingBlocks.Imaging;

/// <summary>
/// The imaging gate's instruments (meter "MyStamp.Imaging"): image jobs (studio photos, previews, sheets, print
/// masters, identity documents) by outcome (done, failed, busy, timeout, memory) and by the field the image came
/// in, and how long each took. A static meter, as .NET recommends for a library without its own container: the
/// gate is also built by hand (its tests, the studio benchmark). No ids in tags.
/// </summary>
public static class ImagingMetrics
{
    public const string MeterName = "MyStamp.Imaging";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Jobs = Meter.CreateCounter<long>("mystamp.imaging.jobs", unit: "{job}", description: "Image jobs through the imaging gate, by outcome and field.");
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("mystamp.imaging.job.duration", unit: "s", description: "Time of one image job, waiting for a slot included.");

    internal static void JobEnded(ImageSubject subject, string outcome, long startedAt)
    {
        var tags = new TagList { { "outcome", outcome }, { "field", subject.Field } };
        Jobs.Add(1, tags);
        Duration.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds, tags);
    }
}
