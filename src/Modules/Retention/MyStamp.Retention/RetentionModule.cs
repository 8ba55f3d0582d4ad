using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MyStamp.BuildingBlocks.Database;
using MyStamp.Retention.Contracts;
using MyStamp.Retention.Index;
using MyStamp.Retention.Notices;
using MyStamp.Retention.Purge;
using MyStamp.Retention.Report;
using MyStamp.Retention.Sweep;
using Quartz;

namespace MyStamp.Retention;

/// <summary>
/// Composition of the Retention module: the retention index the grains keep, the daily backstop sweep,
/// the erasure notices (sent through the Mail module's outbox), the metrics. The grains themselves (customers, orders)
/// keep their own retention state and reminders (O7).
/// </summary>
public static class RetentionModule
{
    public static IServiceCollection AddRetentionModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IModuleSchema>(new ModuleSchema(SqlMigration.FromEmbeddedResources(typeof(RetentionModule).Assembly, "retention")));
        services.AddMetrics();

        services.AddOptions<RetentionOptions>()
            .Bind(configuration.GetSection(RetentionOptions.Section))
            .Validate(options => options.SweepBatchSize is >= 1 and <= 100_000, $"{RetentionOptions.Section}:SweepBatchSize must be from 1 to 100000.")
            .Validate(options => options.SweepParallelism is >= 1 and <= 1_000, $"{RetentionOptions.Section}:SweepParallelism must be from 1 to 1000.")
            .Validate(options => CronExpression.TryParse(options.SweepSchedule, out _), $"{RetentionOptions.Section}:SweepSchedule must be a Quartz cron expression.")
            .ValidateOnStart();

        services.AddSingleton<RetentionMetrics>();
        services.AddSingleton<IRetentionIndex, RetentionIndex>();
        services.AddSingleton<NoticeOutbox>();
        services.AddSingleton<IErasureNotices>(provider => provider.GetRequiredService<NoticeOutbox>());
        services.AddSingleton<PhysicalPurge>();
        services.AddSingleton<RetentionSweep>();
        services.AddSingleton<IRetentionReport, RetentionReport>();

        // Read once here because Quartz triggers are declared at composition time; the options above validate the same values.
        var retention = configuration.GetSection(RetentionOptions.Section).Get<RetentionOptions>() ?? new RetentionOptions();
        services.AddQuartz(quartz =>
        {
            quartz.AddJob<RetentionSweepJob>(job => job.WithIdentity(RetentionSweepJob.Key).StoreDurably().WithDescription("Erases customers and orders past their retention deadline that no reminder erased (O7)"));
            quartz.AddTrigger(trigger => trigger
                .ForJob(RetentionSweepJob.Key)
                .WithIdentity("retention-sweep-daily", "retention")
                .WithCronSchedule(retention.SweepSchedule));
        });
        return services;
    }
}
