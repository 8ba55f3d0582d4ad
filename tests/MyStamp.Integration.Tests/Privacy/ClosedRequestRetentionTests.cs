using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MyStamp.Integration.Tests.Infrastructure;
using MyStamp.Privacy.Contracts;
using MyStamp.Privacy.Requests;
using Quartz;

namespace MyStamp.Integration.Tests.Privacy;

/// <summary>
/// A request from someone without an account is reached by no customer's erasure: three years after it was
/// closed its requester is forgotten, and the request stays as proof that it was answered (O7, O10). A database
/// of its own: the clock moves three years ahead.
/// </summary>
public sealed class ClosedRequestRetentionTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private MyStampNode _node = null!;

    public async Task InitializeAsync() => _node = await MyStampNode.StartAlone("closedrequests", clock: _clock);

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task Three_years_after_a_request_closed_its_requester_is_forgotten_and_the_answer_stays()
    {
        // O7
        Guid closed, open;
        using (var admin = await _node.LoginAsAdmin())
        {
            closed = await PrivacyWorld.RecordPostalRequest(admin, "Marc", "Wouters");
            open = await PrivacyWorld.RecordPostalRequest(admin, "Els", "Peeters");
            await PrivacyWorld.Decide(admin, closed, new { decision = "Reject", ground = "Excessive", reason = "Mr Wouters asked the same thing last week." }, HttpStatusCode.OK);
        }

        // A day short of three years: nothing is forgotten.
        _clock.Advance(Years(3) - TimeSpan.FromDays(1));
        await Retention().Run(CancellationToken.None);
        using (var admin = await _node.LoginAsAdmin())
        {
            Assert.Contains("Wouters", await AsText(admin, closed), StringComparison.Ordinal);
        }

        // Three years after it closed (the node's own nightly job may get there first: either way it happens once).
        _clock.Advance(TimeSpan.FromDays(2));
        await Retention().Run(CancellationToken.None);
        await Retention().Run(CancellationToken.None);
        using (var admin = await _node.LoginAsAdmin())
        {
            Assert.DoesNotContain("Wouters", await AsText(admin, closed), StringComparison.Ordinal);
            Assert.DoesNotContain("Marc", await AsText(admin, closed), StringComparison.Ordinal);
            var forgotten = await PrivacyWorld.Open(admin, closed);
            Assert.Equal(RequestStatus.Rejected, forgotten.Request.Status);
            Assert.Equal(RejectionGround.Excessive, forgotten.Request.RejectionGround);
            var erased = Assert.Single(forgotten.AuditTrail, step => step.Action == "Requester's personal data erased");
            Assert.Contains("closed more than 3 years ago", erased.Detail, StringComparison.Ordinal);
            Assert.Contains(forgotten.AuditTrail, step => step.Action == "Rejected");
            Assert.All(forgotten.Request.Messages, message => Assert.Equal("(erased three years after the request was closed)", message.Body));

            // A request still open keeps its requester: it is not answered yet.
            Assert.Contains("Peeters", await AsText(admin, open), StringComparison.Ordinal);
        }
        var scheduler = await _node.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        Assert.NotEmpty(await scheduler.GetTriggersOfJob(ClosedRequestRetentionJob.Key));
    }

    private ClosedRequestRetention Retention() => _node.Services.GetRequiredService<ClosedRequestRetention>();

    private TimeSpan Years(int years) => _clock.GetUtcNow().AddYears(years) - _clock.GetUtcNow();

    /// <summary>The request as an admin's browser receives it, every character, for what must (not) be in it anywhere.</summary>
    private static Task<string> AsText(HttpClient admin, Guid requestId) => admin.GetStringAsync($"/api/admin/privacy/requests/{requestId}");
}
