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

    /// <summary>Days after upload after which a design that was never ordered is deleted with its photo.</summary>
    [Range(1, 3650)]
    public int UnusedDesignRetentionDays { get; set; } = 30;

    public long MaxUploadBytes => MaxUploadMegabytes * 1024L * 1024L;
}
