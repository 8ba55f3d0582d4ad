using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using MyStamp.Integration.Tests.Infrastructure;
using MyStamp.Web.Admin.Jobs;

namespace MyStamp.Integration.Tests.Admin;

/// <summary>
/// "Sweep now" runs in the background: the page answers at once, and the admin watches the sweep start, run and
/// end live over SignalR, never a request held open for minutes.
/// </summary>
public sealed partial class AdminJobsTests
{
    [Fact]
    public async Task Sweep_now_answers_at_once_and_its_progress_reaches_the_admin_live()
    {
        // The sweep runs over every row of its database: alone in one (README, Retention, Tests).
        await using var node = await MyStampNode.StartAlone("adminjobs");
        using var admin = await node.LoginAsAdmin(api: false);
        var seen = new List<(string Status, string Message)>();
        var done = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(node.Server.BaseAddress, AdminJobsHub.Path), options =>
            {
                options.HttpMessageHandlerFactory = _ => node.Server.CreateHandler();
                options.Transports = HttpTransportType.LongPolling;
                options.Headers["Cookie"] = admin.CookieHeader;
            })
            .Build();
        hub.On<JsonElement>(AdminJobs.ChangedMessage, job =>
        {
            var status = job.GetProperty("status").GetString()!;
            var message = job.GetProperty("message").GetString()!;
            lock (seen)
            {
                seen.Add((status, message));
            }
            if (status != "Running")
            {
                done.TrySetResult($"{status}: {message}");
            }
        });
        await hub.StartAsync();
        Assert.Empty(await hub.InvokeAsync<List<JsonElement>>("GetJobs"));

        var page = await admin.GetStringAsync("/Admin/Retention");
        var token = Token().Match(page);
        Assert.True(token.Success);
        var clock = Stopwatch.StartNew();
        using var posted = await admin.PostAsync("/Admin/Retention?handler=Sweep", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
        }));
        var answeredIn = clock.Elapsed;

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.True(answeredIn < TimeSpan.FromSeconds(5), $"the page waited {answeredIn} for the sweep");
        var outcome = await done.Task.WaitAsync(TimeSpan.FromMinutes(2));
        Assert.StartsWith("Done: Sweep done:", outcome, StringComparison.Ordinal);
        lock (seen)
        {
            Assert.Contains(seen, change => change.Status == "Running");
        }
        // Where it stands is kept for an admin who opens the page (or reconnects) later.
        Assert.Contains("Sweep done:", WebUtility.HtmlDecode(await admin.GetStringAsync("/Admin/Retention")), StringComparison.Ordinal);
        var jobs = await hub.InvokeAsync<List<JsonElement>>("GetJobs");
        Assert.Equal("Done", Assert.Single(jobs).GetProperty("status").GetString());
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
