using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MyStamp.Privacy.Mail;
using MyStamp.BuildingBlocks.Database;
using MyStamp.BuildingBlocks.Imaging;
using MyStamp.Retention.Contracts;
using MyStamp.Privacy.Audience;
using MyStamp.Privacy.Erasure;
using MyStamp.Privacy.IdentityDocuments;
using MyStamp.Privacy.Policy;
using MyStamp.Privacy.Requests;
using Quartz;

namespace MyStamp.Privacy;

/// <summary>Composition of the Privacy module.</summary>
public static class PrivacyModule
{
    public static IServiceCollection AddPrivacyModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IModuleSchema>(new ModuleSchema(SqlMigration.FromEmbeddedResources(typeof(PrivacyModule).Assembly, "privacy")));
        services.AddSingleton<PrivacyMetrics>();
        services.AddSingleton<PolicyStore>();
        services.AddSingleton<RequestStore>();
        services.AddSingleton<RequesterMails>();
        services.AddSingleton<IdentityDocumentStore>();
        services.AddImaging();
        services.AddSingleton<IdentityDocumentRedactor>();
        services.AddSingleton<AudienceStore>();
        services.AddSingleton<OverdueRequestsSweep>();
        services.AddSingleton<ClosedRequestRetention>();
        // The customer's erasure (O7) calls every module's eraser: this one forgets what Privacy keeps about them.
        services.AddSingleton<IPersonalDataEraser, PrivacyPersonalDataEraser>();

        // Clustered Quartz jobs (the scheduler and its store are set up by the Silo): overdue requests are
        // flagged, and the requesters of requests closed three years ago forgotten.
        var overdueSchedule = Schedule(configuration, "Privacy:OverdueSweepSchedule", "0 15 * * * ?");
        var retentionSchedule = Schedule(configuration, "Privacy:ClosedRequestRetentionSchedule", "0 45 3 * * ?");
        services.AddQuartz(quartz =>
        {
            quartz.AddJob<OverdueRequestsJob>(job => job.WithIdentity(OverdueRequestsJob.Key).StoreDurably().WithDescription("Flags data-subject requests past their due date"));
            quartz.AddTrigger(trigger => trigger
                .ForJob(OverdueRequestsJob.Key)
                .WithIdentity("overdue-requests", "privacy")
                .WithCronSchedule(overdueSchedule));
            quartz.AddJob<ClosedRequestRetentionJob>(job => job.WithIdentity(ClosedRequestRetentionJob.Key).StoreDurably()
                .WithDescription("Forgets the requesters of data-subject requests closed three years ago"));
            quartz.AddTrigger(trigger => trigger
                .ForJob(ClosedRequestRetentionJob.Key)
                .WithIdentity("closed-request-retention", "privacy")
                .WithCronSchedule(retentionSchedule));
        });
        return services;
    }

    private static string Schedule(IConfiguration configuration, string key, string fallback)
    {
        var schedule = configuration[key] ?? fallback;
        return CronExpression.TryParse(schedule, out _) ? schedule : throw new InvalidOperationException($"{key} must be a Quartz cron expression.");
    }
}
