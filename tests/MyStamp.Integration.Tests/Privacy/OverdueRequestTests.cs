using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MyStamp.Integration.Tests.Infrastructure;
using MyStamp.Privacy.Contracts;
using MyStamp.Privacy.Requests;
using Quartz;

namespace MyStamp.Integration.Tests.Privacy;

/// <summary>
/// Deadlines on a moving clock (O10). Each test has a database of its own: its requests are received on the
/// clock's date, long past by the real one, and every node in a database shares one Quartz cluster whose jobs
/// (this overdue sweep among them) would otherwise flag or miss requests of other test classes.
/// </summary>
public sealed class OverdueRequestTests : IAsyncLifetime
{
    // Midday, so that a move by whole days never crosses midnight in Brussels, summer time or not. Starting
    // from the real time once did: received at 00:00 on 3 October, 32 days later was still 3 November there.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.Zero));
    private MyStampNode _node = null!;

    public async Task InitializeAsync() => _node = await MyStampNode.StartAlone("overdue", clock: _clock);

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task A_request_past_its_month_shows_as_overdue_and_the_clustered_job_flags_it()
    {
        // O10
        using var admin = await _node.LoginAsAdmin();
        var requestId = await PrivacyWorld.RecordPostalRequest(admin);
        Assert.False(await Overdue(admin, requestId));

        _clock.Advance(TimeSpan.FromDays(32));
        // An admin's sign-in ends after 20 idle minutes: a month later they sign in again.
        using var adminAMonthLater = await _node.LoginAsAdmin();

        Assert.True(await Overdue(adminAMonthLater, requestId));
        // A month on the node's clock also lets its own Quartz trigger fire the job, which may flag the request
        // before this explicit run does: either way the request is flagged, once.
        await _node.Services.GetRequiredService<OverdueRequestsSweep>().Run(CancellationToken.None);
        await _node.Services.GetRequiredService<OverdueRequestsSweep>().Run(CancellationToken.None);
        var detail = await PrivacyWorld.Open(adminAMonthLater, requestId);
        Assert.True(detail.Request.Overdue);
        Assert.Single(detail.AuditTrail, entry => entry.Action == "Flagged overdue" && entry.Actor == "system");
        var scheduler = await _node.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        Assert.NotNull(await scheduler.GetJobDetail(OverdueRequestsJob.Key));
        Assert.NotEmpty(await scheduler.GetTriggersOfJob(OverdueRequestsJob.Key));
    }

    [Fact]
    public async Task The_deadline_extends_once_by_two_months_and_only_during_the_first_month()
    {
        // O10
        using var admin = await _node.LoginAsAdmin();
        var early = await PrivacyWorld.RecordPostalRequest(admin);
        var late = await PrivacyWorld.RecordPostalRequest(admin);
        var due = await DueBy(admin, early);

        await PrivacyWorld.Decide(admin, early, new { decision = "Extend" }, HttpStatusCode.BadRequest);
        var extended = (await PrivacyWorld.Decide(admin, early, new { decision = "Extend", reason = "Archives must be searched." }, HttpStatusCode.OK))!;
        Assert.InRange(extended.DueBy.DayNumber - due.DayNumber, 59, 62);
        Assert.Contains("Archives must be searched.", extended.Messages[^1].Body, StringComparison.Ordinal);
        await PrivacyWorld.Decide(admin, early, new { decision = "Extend", reason = "Once more." }, HttpStatusCode.Conflict);

        _clock.Advance(TimeSpan.FromDays(33));
        // An admin's sign-in ends after 20 idle minutes: a month later they sign in again.
        using var adminAMonthLater = await _node.LoginAsAdmin();
        await PrivacyWorld.Decide(adminAMonthLater, late, new { decision = "Extend", reason = "Too late now." }, HttpStatusCode.Conflict);
        Assert.False(await Overdue(adminAMonthLater, early));
        Assert.True(await Overdue(adminAMonthLater, late));
    }

    private static async Task<bool> Overdue(HttpClient admin, Guid requestId) =>
        (await PrivacyWorld.Queue(admin)).Single(entry => entry.RequestId == requestId).Overdue;

    private static async Task<DateOnly> DueBy(HttpClient admin, Guid requestId) => (await PrivacyWorld.Open(admin, requestId)).Request.DueBy;
}
