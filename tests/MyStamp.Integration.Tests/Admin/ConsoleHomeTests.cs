using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using MyStamp.Audit.Contracts;
using MyStamp.Integration.Tests.Infrastructure;
using Orleans.Runtime;

namespace MyStamp.Integration.Tests.Admin;

/// <summary>The console's home: links to the desks and the cluster's health.</summary>
public partial class ConsoleHomeTests(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private MyStampNode Node => fixture.Node;

    [Fact]
    public async Task The_console_shows_the_silos_the_activations_per_grain_type_and_the_reminders()
    {
        using var admin = await Node.LoginAsAdmin(api: false);
        // Make sure at least one activation of a known type exists.
        await Node.Grains.GetGrain<IPersonalDataViewsGrain>(Guid.CreateVersion7()).List();
        var remindersBefore = await CountReminders();

        var response = await admin.GetAsync("/admin");
        var remindersAfter = await CountReminders();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal("1", Figure(html, "active-silos"));
        Assert.Contains(Node.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToString(), html);
        Assert.True(int.Parse(Figure(html, "total-activations")) > 0);
        var activations = html[html.IndexOf("data-testid=\"activations\"", StringComparison.Ordinal)..];
        Assert.True(Regex.IsMatch(activations, @"<td title=""MyStamp\.Audit\.PersonalDataViews\.PersonalDataViewsGrain[^""]*"">PersonalDataViewsGrain</td><td>[1-9]\d*</td>"), activations[..Math.Min(3000, activations.Length)]);
        // Other test classes share the database and may register reminders meanwhile.
        Assert.InRange(long.Parse(Figure(html, "reminders")), Math.Min(remindersBefore, remindersAfter), Math.Max(remindersBefore, remindersAfter));
    }

    [Fact]
    public async Task The_console_links_to_every_desk_and_the_dashboard_and_each_link_works()
    {
        using var admin = await Node.LoginAsAdmin(api: false);

        var html = await (await admin.GetAsync("/admin")).Content.ReadAsStringAsync();
        var links = AdminLink().Matches(html).Select(match => match.Groups[1].Value)
            .Concat(DeskCard().Matches(html).Select(match => match.Groups[1].Value))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();

        // Every card leads to a working page: moderation, production, requests, retention, customers, dashboard.
        Assert.DoesNotContain("not part of this build", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("/Studio/Review", links);
        Assert.Contains("/Admin/Orders", links);
        Assert.Contains("/Admin/Privacy/Requests", links);
        Assert.Contains("/Admin/Retention", links);
        Assert.Contains("/admin/customers", links);
        Assert.Contains("/admin/dashboard/", links);
        foreach (var link in links)
        {
            Assert.True((await admin.GetAsync(link)).StatusCode == HttpStatusCode.OK, $"{link} does not answer 200");
        }
    }

    private static Task<long> CountReminders() =>
        TestDatabase.Scalar<long>("SELECT count(*) FROM orleansreminderstable WHERE serviceid = 'mystamp'");

    private static string Figure(string html, string testId) =>
        Regex.Match(html, $"data-testid=\"{testId}\">([^<]+)<").Groups[1].Value;

    [GeneratedRegex("<a class=\"card\" href=\"([^\"]+)\"")]
    private static partial Regex DeskCard();

    [GeneratedRegex("href=\"(/admin[^\"#]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex AdminLink();
}
