using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using MyStamp.Web.Languages;
using MyStamp.Web.Security;

namespace MyStamp.Web.Admin.Jobs;

/// <summary>Where a long admin action stands.</summary>
public enum AdminJobStatus { Running, Done, Failed }

/// <summary>One long admin action as the admins see it: no personal data, only counts and times.</summary>
public sealed record AdminJobView(string Name, AdminJobStatus Status, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string Message);

/// <summary>
/// Long admin actions ("Sweep now" and the like) run here, in the background of the node that was asked, never
/// inside the HTTP request that asked: the request answers at once, and every admin connected to
/// <c>/hubs/admin-jobs</c> on this node sees the action's progress live (<c>AdminJobChanged</c>), including a
/// heartbeat with the time spent while it runs. One run per action at a time: asking again while it runs joins
/// the run in progress. The action ends with the node (its stopping token); what it did is kept by the action
/// itself (the sweep records its result). Its words are in the language of the admin who started it (the run keeps
/// that request's culture); the status is a code that each page shows in its own words (<see cref="StatusWords"/>).
/// </summary>
public sealed partial class AdminJobs(IHubContext<AdminJobsHub> hub, TimeProvider clock, IHostApplicationLifetime lifetime, ILogger<AdminJobs> logger, IStringLocalizer<AdminText> text)
{
    public const string ChangedMessage = "AdminJobChanged";
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, AdminJobView> _jobs = new(StringComparer.Ordinal);

    /// <summary>The latest run of each action on this node.</summary>
    public IReadOnlyList<AdminJobView> Current => [.. _jobs.Values.OrderBy(job => job.Name, StringComparer.Ordinal)];

    public AdminJobView? Find(string name) => _jobs.TryGetValue(name, out var job) ? job : null;

    /// <summary>
    /// Starts <paramref name="work"/> in the background unless a run of <paramref name="name"/> is going on; returns
    /// the run the admin is now following. The work reports progress lines and returns the closing message.
    /// </summary>
    public AdminJobView Start(string name, Func<IProgress<string>, CancellationToken, Task<string>> work)
    {
        var started = new AdminJobView(name, AdminJobStatus.Running, clock.GetUtcNow(), null, text["Started."]);
        var current = _jobs.AddOrUpdate(name, started, (_, existing) => existing.Status == AdminJobStatus.Running ? existing : started);
        if (!ReferenceEquals(current, started))
        {
            return current;
        }
        _ = Task.Run(() => Run(started, work), CancellationToken.None);
        return started;
    }

    /// <summary>Each status in the admin's words, as JSON for the page's script (the hub sends codes).</summary>
    public static string StatusWords(IStringLocalizer<AdminText> words) =>
        System.Text.Json.JsonSerializer.Serialize(Enum.GetValues<AdminJobStatus>().ToDictionary(status => status.ToString(), status => words[status.ToString()].Value));

    private async Task Run(AdminJobView job, Func<IProgress<string>, CancellationToken, Task<string>> work)
    {
        await Publish(job);
        var latest = job.Message;
        var progress = new Progress<string>(line =>
        {
            latest = line;
            _ = Publish(job with { Message = line });
        });
        using var running = CancellationTokenSource.CreateLinkedTokenSource(lifetime.ApplicationStopping);
        var heartbeat = Beat(job, () => latest, running.Token);
        try
        {
            var message = await work(progress, lifetime.ApplicationStopping);
            await running.CancelAsync();
            await heartbeat;
            await Publish(job with { Status = AdminJobStatus.Done, FinishedAt = clock.GetUtcNow(), Message = message });
        }
        catch (Exception exception)
        {
            await running.CancelAsync();
            await heartbeat;
            LogFailed(exception, job.Name);
            await Publish(job with { Status = AdminJobStatus.Failed, FinishedAt = clock.GetUtcNow(), Message = text["Failed; the node's log says why. Try again later."] });
        }
    }

    private async Task Beat(AdminJobView job, Func<string> latest, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(Heartbeat, clock, cancellationToken);
                var seconds = (clock.GetUtcNow() - job.StartedAt).TotalSeconds;
                await Publish(job with { Message = $"{latest()} {text["Running for {0} s.", seconds.ToString("0", System.Globalization.CultureInfo.CurrentCulture)]}" });
            }
        }
        catch (OperationCanceledException)
        {
            // The work ended.
        }
    }

    private async Task Publish(AdminJobView job)
    {
        _jobs.AddOrUpdate(job.Name, job, (_, existing) => existing.StartedAt == job.StartedAt && existing.Status != AdminJobStatus.Running ? existing : job);
        try
        {
            await hub.Clients.All.SendAsync(ChangedMessage, _jobs[job.Name]);
        }
        catch (Exception exception)
        {
            // The job goes on without its audience.
            LogPushFailed(exception, job.Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Admin job {Job} failed")]
    private partial void LogFailed(Exception exception, string job);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Admin job {Job}: progress could not be pushed")]
    private partial void LogPushFailed(Exception exception, string job);
}

/// <summary>Admins only: the live progress of long admin actions on this node, and where each stands on (re)connecting.</summary>
[Authorize(Policy = Roles.AdminPolicy)]
public sealed class AdminJobsHub(AdminJobs jobs) : Hub
{
    public const string Path = "/hubs/admin-jobs";

    public IReadOnlyList<AdminJobView> GetJobs() => jobs.Current;
}
