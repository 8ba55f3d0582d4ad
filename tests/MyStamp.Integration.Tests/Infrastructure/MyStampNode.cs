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
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly int _siloPort = FreePort();
    private readonly int _gatewayPort = FreePort();

    /// <param name="clusterId">Share one id between nodes to put them in one cluster.</param>
    /// <param name="clock">A fake clock for the whole node (grains, reminders' checks, jobs).</param>
    /// <param name="listenOnLoopback">Listen on a real loopback port (Kestrel) instead of the in-memory test server, for browsers.</param>
    /// <param name="settings">Configuration overrides (e.g. <c>Accounts:RateLimits:SignInPermits</c>).</param>
    public MyStampNode(string? clusterId = null, TimeProvider? clock = null, bool listenOnLoopback = false, IReadOnlyDictionary<string, string?>? settings = null)
    {
        _clusterId = clusterId ?? NewClusterId();
        _clock = clock;
        _settings = settings ?? new Dictionary<string, string?>();
        if (listenOnLoopback)
        {
            UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        }
    }

    /// <summary>Where a node started with <c>listenOnLoopback</c> answers HTTP.</summary>
    public Uri ServerAddress => ClientOptions.BaseAddress;

    public string ClusterId => _clusterId;

    /// <summary>The admin account every node of this cluster seeds at start-up (see <see cref="Accounts.LoginAsAdmin"/>).</summary>
    public string AdminEmail => $"admin-{_clusterId}@mystamp.test";

    public const string AdminPassword = "test-admin-password";

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
        // An admin per cluster, seeded like MYSTAMP_ADMIN_EMAIL / MYSTAMP_ADMIN_PASSWORD seed it in Development.
        builder.UseSetting("MYSTAMP_ADMIN_EMAIL", AdminEmail);
        builder.UseSetting("MYSTAMP_ADMIN_PASSWORD", AdminPassword);
        // Tests register and sign in far faster than people; the rate-limit tests set their own limits.
        builder.UseSetting("Accounts:RateLimits:RegisterPermits", "100000");
        builder.UseSetting("Accounts:RateLimits:SignInPermits", "100000");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
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
