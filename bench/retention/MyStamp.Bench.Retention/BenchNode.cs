using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Reminders;
using Orleans.Runtime;

namespace MyStamp.Bench.Retention;

/// <summary>One real node (the Silo's Program) in this process, on the benchmark's database and fake clock.</summary>
internal sealed class BenchNode(string connectionString, TimeProvider clock, string clusterId) : WebApplicationFactory<Program>
{
    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    public BenchNode Start()
    {
        StartServer();
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:ConnectionString", connectionString);
        builder.UseSetting("Orleans:ClusterId", clusterId);
        builder.UseSetting("Orleans:SiloPort", FreePort().ToString());
        builder.UseSetting("Orleans:GatewayPort", FreePort().ToString());
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // The erasure alone is measured; the purge is timed on its own afterwards.
        builder.UseSetting("Retention:PhysicalPurge", "false");
        // The bench runs its sweeps itself. Quartz takes the node's (fake) clock: moved ahead on a running node (after the
        // warm-up sweep), it would fire the nightly trigger, a second sweep racing the timed one.
        builder.UseSetting("Retention:SweepSchedule", "0 15 3 1 1 ? 2099");
        builder.ConfigureServices(services =>
        {
            // The same wiring as the integration tests' node: the application and the reminder service on the
            // fake clock, Orleans' own maintenance loops on the real one.
            services.Replace(ServiceDescriptor.Singleton(clock));
            services.AddKeyedSingleton(ReminderTimeProviderNames.Reminders, clock);
            services.AddKeyedSingleton(TimeProviderNames.Grains, clock);
            foreach (var area in new[] { TimeProviderNames.Membership, TimeProviderNames.Messaging, TimeProviderNames.SystemTimers, TimeProviderNames.ActivationManagement, TimeProviderNames.GrainDirectory })
            {
                services.AddKeyedSingleton(area, TimeProvider.System);
            }
        });
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
