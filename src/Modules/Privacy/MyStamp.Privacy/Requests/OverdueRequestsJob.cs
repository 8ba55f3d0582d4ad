using Microsoft.Extensions.Logging;
using MyStamp.Privacy.Contracts;
using Quartz;

namespace MyStamp.Privacy.Requests;

/// <summary>
/// Finds open requests past their due date and has each grain flag itself overdue (an audit step and a
/// mark in the queue). A clustered Quartz job: one node runs it per firing.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class OverdueRequestsJob(OverdueRequestsSweep sweep, ILogger<OverdueRequestsJob> logger) : IJob
{
    public static readonly JobKey Key = new("overdue-requests", "privacy");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var flagged = await sweep.Run(cancellationToken);
        LogSwept(flagged);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Overdue data-subject requests flagged: {Flagged}")]
    private partial void LogSwept(int flagged);
}

/// <summary>The work of <see cref="OverdueRequestsJob"/>, callable on its own.</summary>
internal sealed class OverdueRequestsSweep(RequestStore store, IGrainFactory grains, TimeProvider clock, PrivacyMetrics metrics)
{
    public async Task<int> Run(CancellationToken cancellationToken)
    {
        var candidates = await store.UnflaggedPastDue(BrusselsCalendar.Today(clock));
        var flagged = 0;
        foreach (var requestId in candidates)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await grains.GetGrain<IDataSubjectRequestGrain>(requestId).FlagIfOverdue())
            {
                flagged++;
            }
        }
        metrics.FlaggedOverdue(flagged);
        return flagged;
    }
}
