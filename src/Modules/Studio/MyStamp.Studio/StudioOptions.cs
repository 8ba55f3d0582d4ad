using System.ComponentModel.DataAnnotations;

namespace MyStamp.Studio;

/// <summary>Limits of the studio, bound from the "Studio" section (env: Studio__MaxUploadMegabytes, …).</summary>
public sealed class StudioOptions
{
    public const string Section = "Studio";

    /// <summary>The largest photo file accepted (413 above it). The web edge reads the same setting.</summary>
    [Range(1, 200)]
    public int MaxUploadMegabytes { get; set; } = 25;

    /// <summary>The most pixels a photo may declare; larger ones are refused before any pixel is decoded.</summary>
    [Range(1, 200)]
    public int MaxMegapixels { get; set; } = 50;

    /// <summary>How many photos are decoded or rendered at the same time on one node; the rest wait their turn.</summary>
    [Range(1, 64)]
    public int MaxConcurrentImageJobs { get; set; } = 2;

    /// <summary>Hard cap on the memory all image work of a node may hold at once.</summary>
    [Range(128, 16384)]
    public int ImageMemoryLimitMegabytes { get; set; } = 1024;

    /// <summary>Longest time one decode or render may take (including waiting for a turn) before it is given up.</summary>
    [Range(1, 300)]
    public int ImageJobTimeoutSeconds { get; set; } = 20;

    /// <summary>Days after upload after which a design that was never ordered is deleted with its photo.</summary>
    [Range(1, 3650)]
    public int UnusedDesignRetentionDays { get; set; } = 30;

    public long MaxUploadBytes => MaxUploadMegabytes * 1024L * 1024L;
}
