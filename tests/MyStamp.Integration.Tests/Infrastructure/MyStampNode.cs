using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Reminders;
using Orleans.Runtime;

namespace MyStamp.Integration.Tests.Infrastructure;

/// <summary>
/// One real node: the Silo's own Program (Orleans silo + ASP.NET Core) against the test PostgreSQL,
/// in a cluster of its own unless a cluster id is shared to build a multi-node cluster.
/// </summary>
public sealed class MyStampNode : WebApplicationFactory<Program>
{
    private readonly string _clusterId;
    private readonly TimeProvider? _clock;
    private readonly string _connectionString;
    /// <summary>Set by <see cref="StartAlone"/>: the database is dropped with the node.</summary>
    private bool _ownsDatabase;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _configureServices;
    private readonly bool _listenOnLoopback;
    private readonly int _siloPort = FreePort();
    private readonly int _gatewayPort = FreePort();

    /// <param name="clusterId">Share one id between nodes to put them in one cluster.</param>
    /// <param name="clock">A fake clock for the whole node (grains, reminders' checks, jobs).</param>
    /// <param name="listenOnLoopback">Listen on a real loopback port (Kestrel) instead of the in-memory test server, for browsers.</param>
    /// <param name="settings">Configuration overrides (e.g. <c>Accounts:RateLimits:SignInPermits</c>).</param>
    /// <param name="connectionString">
    /// Another database than the run's (see <see cref="TestDatabase.CreateIsolated"/>), for tests that move
    /// a clock years ahead or scan every table: nothing else runs there.
    /// </param>
    /// <param name="configureServices">Test doubles added after the application's own services (e.g. a failing step).</param>
    public MyStampNode(string? clusterId = null, TimeProvider? clock = null, bool listenOnLoopback = false, IReadOnlyDictionary<string, string?>? settings = null,
        string? connectionString = null, Action<IServiceCollection>? configureServices = null)
    {
        _configureServices = configureServices;
        _clusterId = clusterId ?? NewClusterId();
        _clock = clock;
        _settings = settings ?? new Dictionary<string, string?>();
        _connectionString = connectionString ?? TestDatabase.ConnectionString;
        _listenOnLoopback = listenOnLoopback;
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

    /// <summary>Clients of <c>CreateClient</c> read the shop in English, like <see cref="TestClient"/>.</summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(TestClient.TestLanguage);
    }

    /// <summary>Starts the host (the silo joins its cluster) and returns once it is running.</summary>
    public MyStampNode Start()
    {
        StartServer();
        return this;
    }

    /// <summary>
    /// Starts a node alone in a database made for it (see <see cref="TestDatabase.CreateIsolated"/>), dropped when
    /// the node is disposed: for tests that move a clock years ahead, change what every node of a database sees
    /// (a published policy version), or scan every table.
    /// </summary>
    public static async Task<MyStampNode> StartAlone(string purpose, TimeProvider? clock = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var node = new MyStampNode(clock: clock, settings: settings, connectionString: await TestDatabase.CreateIsolated(purpose)) { _ownsDatabase = true };
        return node.Start();
    }

    /// <summary>The database the node uses.</summary>
    public string ConnectionString => _connectionString;

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase)
        {
            await TestDatabase.DropIsolated(_connectionString);
        }
    }

    /// <summary>What a client's requests go through to reach this node: the in-memory test server, or loopback TCP.</summary>
    internal HttpMessageHandler CreateHandler()
    {
        StartServer();
        return _listenOnLoopback ? new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false } : Server.CreateHandler();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:ConnectionString", _connectionString);
        builder.UseSetting("Orleans:ClusterId", _clusterId);
        builder.UseSetting("Orleans:SiloPort", _siloPort.ToString());
        builder.UseSetting("Orleans:GatewayPort", _gatewayPort.ToString());
        // An admin per cluster, seeded like MYSTAMP_ADMIN_EMAIL / MYSTAMP_ADMIN_PASSWORD seed it in Development.
        builder.UseSetting("MYSTAMP_ADMIN_EMAIL", AdminEmail);
        builder.UseSetting("MYSTAMP_ADMIN_PASSWORD", AdminPassword);
        // Tests register and sign in far faster than people; the rate-limit tests set their own limits.
        builder.UseSetting("Accounts:RateLimits:RegisterPermits", "100000");
        builder.UseSetting("Accounts:RateLimits:SignInPermits", "100000");
        builder.UseSetting("Accounts:RateLimits:DataSubjectRequestPermits", "100000");
        builder.UseSetting("Accounts:RateLimits:PasswordResetPermits", "100000");
        // The production batch moves every paid order of the database into production. All nodes of a database
        // share one Quartz store, and a node on a fake clock that jumps ahead fires every trigger at once: on a
        // timer, the batch would move other tests' orders under them. Tests trigger it themselves
        // (ProductionBatchTests, alone in a database).
        builder.UseSetting("Orders:Production:BatchSchedule", "0 0 0 1 1 ? 2099");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        if (_clock is { } clock)
        {
            builder.ConfigureServices(services => UseClock(services, clock));
        }
        if (_configureServices is { } configure)
        {
            builder.ConfigureServices(configure);
        }
    }

    /// <summary>
    /// Puts the whole application on <paramref name="clock"/>: grains and module services (the unkeyed
    /// <see cref="TimeProvider"/>), Quartz (which takes the container's clock), cookie expiry, and the Orleans
    /// reminder service, which resolves its own clock by the key <see cref="ReminderTimeProviderNames.Reminders"/>
    /// ("Orleans.Reminders", Orleans 10.4): a reminder due in three years fires when the fake clock passes it,
    /// through the real reminder path and the PostgreSQL reminder table. Orleans' own maintenance loops
    /// (membership, messaging, directory, activation collection) keep the real clock, so that a jump of three
    /// years does not declare the silo dead or collect every activation at once.
    /// </summary>
    private static void UseClock(IServiceCollection services, TimeProvider clock)
    {
        services.Replace(ServiceDescriptor.Singleton(clock));
        services.AddKeyedSingleton(ReminderTimeProviderNames.Reminders, clock);
        services.AddKeyedSingleton(TimeProviderNames.Grains, clock);
        foreach (var runtimeArea in new[] { TimeProviderNames.Membership, TimeProviderNames.Messaging, TimeProviderNames.SystemTimers, TimeProviderNames.ActivationManagement, TimeProviderNames.GrainDirectory })
        {
            services.AddKeyedSingleton(runtimeArea, TimeProvider.System);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
