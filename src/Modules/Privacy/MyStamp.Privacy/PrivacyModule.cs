using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MyStamp.BuildingBlocks.Database;
using MyStamp.BuildingBlocks.Retention;
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
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<PolicyStore>();
        services.AddSingleton<RequestStore>();
        services.AddSingleton<IdentityDocumentStore>();
        services.AddSingleton<AudienceStore>();
        services.AddSingleton<OverdueRequestsSweep>();
        // The customer's erasure (O7) calls every module's eraser: this one forgets what Privacy keeps about them.
        services.AddSingleton<IPersonalDataEraser, PrivacyPersonalDataEraser>();

        // Overdue requests are flagged by a clustered Quartz job (the scheduler and its store are set up by the Silo).
        var schedule = configuration["Privacy:OverdueSweepSchedule"] ?? "0 15 * * * ?";
        if (!CronExpression.TryParse(schedule, out _))
        {
            throw new InvalidOperationException("Privacy:OverdueSweepSchedule must be a Quartz cron expression.");
        }
        services.AddQuartz(quartz =>
        {
            quartz.AddJob<OverdueRequestsJob>(job => job.WithIdentity(OverdueRequestsJob.Key).StoreDurably().WithDescription("Flags data-subject requests past their due date"));
            quartz.AddTrigger(trigger => trigger
                .ForJob(OverdueRequestsJob.Key)
                .WithIdentity("overdue-requests", "privacy")
                .WithCronSchedule(schedule));
        });
        return services;
    }

    public static ISiloBuilder AddPrivacyGrains(this ISiloBuilder silo) => silo;
}
