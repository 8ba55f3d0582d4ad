using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MyStamp.BuildingBlocks.Errors;
using MyStamp.Orders.Contracts;
using MyStamp.Orders.OrdersOverview;
using Quartz;

namespace MyStamp.Orders.Production;

/// <summary>When and how much the production batch takes. Bound from "Orders:Production".</summary>
public sealed class ProductionBatchOptions
{
    public const string Section = "Orders:Production";

    /// <summary>Quartz cron expression; by default every five minutes.</summary>
    public string BatchSchedule { get; set; } = "0 0/5 * * * ?";

    /// <summary>At most this many paid orders go into production per run, oldest payment first.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 500;
}

/// <summary>
/// Moves paid orders into production, a batch at a time. A clustered Quartz job: however many nodes run,
/// one of them runs it per firing. Each order grain still decides: an order cancelled in the meantime
/// answers a conflict and is simply skipped.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class ProductionBatchJob(
    OrdersOverviewTable overview,
    IGrainFactory grains,
    IOptions<ProductionBatchOptions> options,
    ILogger<ProductionBatchJob> logger) : IJob
{
    public static readonly JobKey Key = new("production-batch", "orders");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var paid = await overview.ListByStatus(OrderStatus.Paid, options.Value.BatchSize);
        var moved = 0;
        await Parallel.ForEachAsync(paid, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (order, _) =>
        {
            try
            {
                await grains.GetGrain<IOrderGrain>(order.OrderId).MoveTo(OrderStatus.InProduction, TransitionSource.Production);
                Interlocked.Increment(ref moved);
            }
            catch (DomainException exception) when (exception.Kind is DomainErrorKind.Conflict or DomainErrorKind.NotFound)
            {
                // Cancelled, rejected or erased since the overview was read.
            }
        });
        LogBatch(moved, paid.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Production batch: {Moved} of {Paid} paid orders moved into production")]
    private partial void LogBatch(int moved, int paid);
}
