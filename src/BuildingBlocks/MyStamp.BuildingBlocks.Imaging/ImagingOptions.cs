using System.ComponentModel.DataAnnotations;

namespace MyStamp.BuildingBlocks.Imaging;

/// <summary>Limits of all pixel work on one node, bound from the "Imaging" section (env: Imaging__MaxConcurrentJobs, …).</summary>
public sealed class ImagingOptions
{
    public const string Section = "Imaging";

    /// <summary>How many images are decoded or rendered at the same time on one node; the rest wait their turn.</summary>
    [Range(1, 64)]
    public int MaxConcurrentJobs { get; set; } = 2;

    /// <summary>Hard cap on the memory all image work of a node may hold at once.</summary>
    [Range(128, 16384)]
    public int MemoryLimitMegabytes { get; set; } = 1024;

    /// <summary>Longest time one decode or render may take (including waiting for a turn) before it is given up.</summary>
    [Range(1, 300)]
    public int JobTimeoutSeconds { get; set; } = 20;
}
