using System.Data.Common;
using Npgsql;
using Quartz;

namespace MyStamp.Silo.Hosting;

/// <summary>
/// Quartz for periodic jobs (retention sweep, request deadlines, clean-ups). The job store is
/// PostgreSQL and clustered, so each job runs once across all nodes. Modules add their jobs with
/// <c>services.AddQuartz(q => ...)</c> in their own Add…Module.
/// </summary>
internal static class JobHosting
{
    public static IServiceCollection AddClusteredJobs(this IServiceCollection services)
    {
        // Quartz takes its connections from the one data source the container holds.
        services.AddSingleton<DbDataSource>(provider => provider.GetRequiredService<NpgsqlDataSource>());
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler =>
            {
                // Migration 0007 seeds the lock rows under this name.
                scheduler.InstanceName = "mystamp";
                scheduler.GenerateInstanceId = true;
            });
            quartz.UsePersistentStore(store =>
            {
                store.ConfigureStore(options =>
                {
                    options.TablePrefix = "qrtz_";
                    // Readable, version-tolerant job data: names and strings only.
                    options.StoreJobDataAsStrings = true;
                });
                store.UseClustering(cluster => cluster.CheckinInterval = TimeSpan.FromSeconds(10));
                store.UseSystemTextJsonSerializer();
                store.UsePostgres(postgres => postgres.UseRegisteredDataSource = true);
            });
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return services;
    }
}
