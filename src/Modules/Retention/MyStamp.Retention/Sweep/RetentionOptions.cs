namespace MyStamp.Retention.Sweep;

/// <summary>The backstop sweep and the notice delivery, bound from "Retention".</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Quartz cron expression of the daily sweep; by default 03:15 every night.</summary>
    public string SweepSchedule { get; set; } = "0 15 3 * * ?";

    /// <summary>How many index rows the sweep reads at a time.</summary>
    public int SweepBatchSize { get; set; } = 1_000;

    /// <summary>
    /// How many batches the sweep works on at once: the next batch's reads overlap the previous one's erasure. More
    /// erases faster and leaves less of the node to requests.
    /// </summary>
    public int SweepBatchesAtOnce { get; set; } = 2;

    /// <summary>How many subjects the sweep checks at once.</summary>
    public int SweepParallelism { get; set; } = 32;

    /// <summary>
    /// After a sweep, when anything was erased since the previous purge, compact the key table and switch the key
    /// store's write-ahead log so that destroyed keys leave the disk too (see <c>PhysicalPurge</c>). On by default.
    /// </summary>
    public bool PhysicalPurge { get; set; } = true;
}
