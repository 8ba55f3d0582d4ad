using Microsoft.Extensions.Logging;
using MyStamp.Retention.Contracts;
using MyStamp.Privacy.Contracts;
using Quartz;

namespace MyStamp.Privacy.Requests;

/// <summary>
/// The retention of data-subject requests (O7): three years after a request was closed, its requester is
/// forgotten, as a customer is three years after their last order. A customer's erasure forgets the requests
/// linked to them sooner; this job reaches the others: requests by post or web form from people without an
/// account, or never linked to theirs. A clustered Quartz job: one node runs it per firing.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class ClosedRequestRetentionJob(ClosedRequestRetention retention, ILogger<ClosedRequestRetentionJob> logger) : IJob
{
    public static readonly JobKey Key = new("closed-request-retention", "privacy");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var forgotten = await retention.Run(cancellationToken);
        LogRun(forgotten);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Requesters of data-subject requests closed three years ago forgotten: {Forgotten}")]
    private partial void LogRun(int forgotten);
}

/// <summary>The work of <see cref="ClosedRequestRetentionJob"/>, callable on its own.</summary>
internal sealed class ClosedRequestRetention(RequestStore store, IGrainFactory grains, TimeProvider clock)
{
    private const int BatchSize = 500;

    /// <summary>Forgets the requester of every request closed at least three years ago; returns how many.</summary>
    public async Task<int> Run(CancellationToken cancellationToken)
    {
        // Closed before this instant means closed at least three calendar years ago.
        var cutoff = clock.GetUtcNow().AddYears(-RetentionPeriod.Years);
        var forgotten = 0;
        while (true)
        {
            var batch = await store.ClosedBeforeWithRequester(cutoff, BatchSize);
            var forgottenNow = 0;
            foreach (var requestId in batch)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (await grains.GetGrain<IDataSubjectRequestGrain>(requestId).ForgetRequester(RequesterForgottenBecause.RetentionPeriodEnded))
                {
                    forgottenNow++;
                }
            }
            forgotten += forgottenNow;
            // A full batch that forgot no one (each request found its own deadline later) would come back as it is.
            if (batch.Count < BatchSize || forgottenNow == 0)
            {
                return forgotten;
            }
        }
    }
}
