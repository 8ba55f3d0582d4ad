using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MyStamp.Integration.Tests.Infrastructure;

/// <summary>
/// One real node: the Silo's own Program (Orleans silo + ASP.NET Core) against the test PostgreSQL,
/// in a cluster of its own unless a cluster id is shared to build a multi-node cluster.
/// </summary>
public sealed class MyStampNode : WebApplicationFactory<Program>
{
    private readonly string _clusterId;
    private readonly TimeProvider? _clock;
    private readonly int _siloPort = FreePort();
    private readonly int _gatewayPort = FreePort();

    /// <param name="clusterId">Share one id between nodes to put them in one cluster.</param>
    /// <param name="clock">A fake clock for the whole node (grains, reminders' checks, jobs).</param>
    /// <param name="listenOnLoopback">Listen on a real loopback port (Kestrel) instead of the in-memory test server, for browsers.</param>
    public MyStampNode(string? clusterId = null, TimeProvider? clock = null, bool listenOnLoopback = false)
    {
        _clusterId = clusterId ?? NewClusterId();
        _clock = clock;
        if (listenOnLoopback)
        {
            UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        }
    }

    /// <summary>Where a node started with <c>listenOnLoopback</c> answers HTTP.</summary>
    public Uri ServerAddress => ClientOptions.BaseAddress;

    public string ClusterId => _clusterId;

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    /// <summary>A cluster id nobody else uses, so parallel test classes never meet in one cluster.</summary>
    public static string NewClusterId() => $"test-{Guid.NewGuid():N}";

    /// <summary>Starts the host (the silo joins its cluster) and returns once it is running.</summary>
    public MyStampNode Start()
    {
        StartServer();
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:ConnectionString", TestDatabase.ConnectionString);
        builder.UseSetting("Orleans:ClusterId", _clusterId);
        builder.UseSetting("Orleans:SiloPort", _siloPort.ToString());
        builder.UseSetting("Orleans:GatewayPort", _gatewayPort.ToString());
        if (_clock is not null)
        {
            builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton(_clock)));
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
