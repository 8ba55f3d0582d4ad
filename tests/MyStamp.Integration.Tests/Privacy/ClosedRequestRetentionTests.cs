using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MyStamp.Integration.Tests.Infrastructure;
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
            closed = await RecordPostalRequest(admin, "Marc", "Wouters");
            open = await RecordPostalRequest(admin, "Els", "Peeters");
            await DataSubjectRequestTests.Decide(admin, closed, new { decision = "Reject", ground = "Excessive", reason = "Mr Wouters asked the same thing last week." }, HttpStatusCode.OK);
        }

        // A day short of three years: nothing is forgotten.
        _clock.Advance(Years(3) - TimeSpan.FromDays(1));
        await Retention().Run(CancellationToken.None);
        using (var admin = await _node.LoginAsAdmin())
        {
            Assert.Contains("Wouters", (await Detail(admin, closed)).ToJsonString(), StringComparison.Ordinal);
        }

        // Three years after it closed (the node's own nightly job may get there first: either way it happens once).
        _clock.Advance(TimeSpan.FromDays(2));
        await Retention().Run(CancellationToken.None);
        await Retention().Run(CancellationToken.None);
        using (var admin = await _node.LoginAsAdmin())
        {
            var forgotten = await Detail(admin, closed);
            Assert.DoesNotContain("Wouters", forgotten.ToJsonString(), StringComparison.Ordinal);
            Assert.DoesNotContain("Marc", forgotten.ToJsonString(), StringComparison.Ordinal);
            Assert.Equal("Rejected", (string?)forgotten["request"]!["status"]);
            Assert.Equal("Excessive", (string?)forgotten["request"]!["rejectionGround"]);
            var erased = Assert.Single(forgotten["auditTrail"]!.AsArray(), step => (string?)step!["action"] == "Requester's personal data erased");
            Assert.Contains("closed more than 3 years ago", (string?)erased!["detail"], StringComparison.Ordinal);
            Assert.Contains(forgotten["auditTrail"]!.AsArray(), step => (string?)step!["action"] == "Rejected");
            Assert.All(forgotten["request"]!["messages"]!.AsArray(),
                message => Assert.Equal("(erased three years after the request was closed)", (string?)message!["body"]));

            // A request still open keeps its requester: it is not answered yet.
            Assert.Contains("Peeters", (await Detail(admin, open)).ToJsonString(), StringComparison.Ordinal);
        }
        var scheduler = await _node.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        Assert.NotEmpty(await scheduler.GetTriggersOfJob(ClosedRequestRetentionJob.Key));
    }

    private ClosedRequestRetention Retention() => _node.Services.GetRequiredService<ClosedRequestRetention>();

    private TimeSpan Years(int years) => _clock.GetUtcNow().AddYears(years) - _clock.GetUtcNow();

    private static async Task<Guid> RecordPostalRequest(HttpClient admin, string firstName, string lastName)
    {
        var response = await admin.PostAsJsonAsync("/api/admin/privacy/requests", new
        {
            type = "Access",
            firstName,
            lastName,
            address = "Stationsstraat 4, 3000 Leuven",
            details = $"{firstName} {lastName} asks which photos we keep.",
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return Guid.Parse((string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["requestId"]!);
    }

    private static async Task<JsonObject> Detail(HttpClient admin, Guid requestId) =>
        (await admin.GetFromJsonAsync<JsonObject>($"/api/admin/privacy/requests/{requestId}"))!;
}
