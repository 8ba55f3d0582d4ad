using Quartz;

namespace MyStamp.Retention.Sweep;

/// <summary>The daily backstop sweep as a clustered Quartz job: one node runs it per firing.</summary>
[DisallowConcurrentExecution]
internal sealed class RetentionSweepJob(RetentionSweep sweep) : IJob
{
    public static readonly JobKey Key = new("retention-sweep", "retention");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await sweep.Run(cancellationToken);
}
