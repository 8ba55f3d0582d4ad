using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MyStamp.Integration.Tests.Infrastructure;
using Npgsql;

namespace MyStamp.Integration.Tests.Resilience.Soak;

/// <summary>
/// A PostgreSQL cluster of the soak tests' own (under <c>.data/soak-pg</c>), started and stopped with the same
/// helpers <c>./mystamp</c> uses (<c>./mystamp db start|stop</c>, <c>pg_ctl</c> as the unprivileged user), so
/// stopping it mid-run breaks no other test.
/// </summary>
public sealed class SoakCluster : IAsyncLifetime
{
    public int Port { get; } = FreePort();
    public string ConnectionString { get; private set; } = "";
    public static string Root { get; } = FindRoot();

    public async Task InitializeAsync()
    {
        await Db("stop"); // a cluster left running by an interrupted run may listen on another port
        await Db("start");
        var builder = new NpgsqlConnectionStringBuilder((await Db("url")).Trim()) { Pooling = true, Timeout = 5, CommandTimeout = 10 };
        var name = $"soak_{DateTime.UtcNow:yyyyMMddHHmmss}_{Guid.NewGuid():N}"[..40];
        await using (var dataSource = NpgsqlDataSource.Create(builder.ConnectionString))
        await using (var command = dataSource.CreateCommand($"CREATE DATABASE \"{name}\""))
        {
            await command.ExecuteNonQueryAsync();
        }
        builder.Database = name;
        ConnectionString = builder.ConnectionString;
    }

    public async Task DisposeAsync() => await Db("stop");

    public Task Stop() => Db("stop");

    public Task Start() => Db("start");

    public async Task<T?> Scalar<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var dataSource = NpgsqlDataSource.Create(ConnectionString);
        await using var command = dataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        var result = await command.ExecuteScalarAsync();
        return result is null or DBNull ? default : (T)result;
    }

    /// <summary>Runs <c>./mystamp db &lt;command&gt;</c> against this cluster and returns what it printed.</summary>
    private async Task<string> Db(string command)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(Root, "mystamp"), "db", command])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Root,
        };
        start.Environment["MYSTAMP_PG_PORT"] = Port.ToString();
        start.Environment["MYSTAMP_PG_DATA"] = Path.Combine(Root, ".data", "soak-pg");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"./mystamp db {command} failed: {await error}");
        }
        return await output;
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "mystamp")) && File.Exists(Path.Combine(folder.FullName, "MyStamp.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException("The repository root (with ./mystamp) was not found above the test binaries.");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>
/// One node as a real child process of the built Silo (<c>dotnet src/Silo/bin/…/MyStamp.Silo.dll</c>) with
/// its own ports, so that <see cref="Kill"/> is a real SIGKILL: no shutdown hook, no goodbye to the cluster.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    public const string AdminPassword = "soak-admin-password";

    private readonly Process _process;
    private readonly StreamWriter _log;

    private SiloProcess(string name, Process process, StreamWriter log, Uri address)
    {
        Name = name;
        _process = process;
        _log = log;
        Address = address;
    }

    public string Name { get; }
    public Uri Address { get; }
    public bool HasExited => _process.HasExited;

    public static SiloProcess Start(string name, string clusterId, string connectionString, string adminEmail)
    {
        var silo = Path.Combine(SoakCluster.Root, "src", "Silo");
        var dll = new[] { "Release", "Debug" }.Select(configuration => Path.Combine(silo, "bin", configuration, "net10.0", "MyStamp.Silo.dll"))
            .Where(File.Exists).OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault()
            ?? throw new InvalidOperationException("Build the Silo first (dotnet build -c Release).");
        var httpPort = SoakCluster.FreePort();
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = silo,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var environment = start.Environment;
        environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{httpPort}";
        environment["Database__ConnectionString"] = connectionString;
        environment["Orleans__ClusterId"] = clusterId;
        environment["Orleans__SiloPort"] = SoakCluster.FreePort().ToString();
        environment["Orleans__GatewayPort"] = SoakCluster.FreePort().ToString();
        environment["MYSTAMP_ADMIN_EMAIL"] = adminEmail;
        environment["MYSTAMP_ADMIN_PASSWORD"] = AdminPassword;
        environment["Accounts__RateLimits__RegisterPermits"] = "100000";
        environment["Accounts__RateLimits__SignInPermits"] = "100000";
        environment["Accounts__RateLimits__DataSubjectRequestPermits"] = "100000";
        environment["Accounts__RateLimits__PasswordResetPermits"] = "100000";
        environment["Logging__LogLevel__Default"] = "Warning";
        // Why a node stops or declares another dead is what a failed soak run needs to tell.
        environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        environment["Logging__LogLevel__Orleans.Runtime.MembershipService"] = "Information";
        if (string.IsNullOrEmpty(environment.TryGetValue("Security__LookupKeySecret", out var secret) ? secret : null))
        {
            throw new InvalidOperationException("Security__LookupKeySecret is not set: run the soak tests with ./mystamp soak.");
        }
        var logs = Path.Combine(SoakCluster.Root, ".data", "soak-logs");
        Directory.CreateDirectory(logs);
        var log = new StreamWriter(Path.Combine(logs, $"{name}.log"), append: false) { AutoFlush = true };
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, line) => Write(log, line.Data);
        process.ErrorDataReceived += (_, line) => Write(log, line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new SiloProcess(name, process, log, new Uri($"http://127.0.0.1:{httpPort}"));
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (log)
        {
            try { log.WriteLine(line); } catch (ObjectDisposedException) { }
        }
    }

    /// <summary>Waits until /health/ready answers 200 (silo active, PostgreSQL answering).</summary>
    public async Task WaitUntilReady(TimeSpan within)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode}; see .data/soak-logs/{Name}.log");
            }
            try
            {
                using var response = await http.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
            }
            await Task.Delay(500);
        }
        throw new TimeoutException($"{Name} was not ready within {within.TotalSeconds:0} s; see .data/soak-logs/{Name}.log");
    }

    /// <summary>SIGKILL: the process dies at once, mid-request, without leaving the cluster.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit(10_000);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
    }
}
