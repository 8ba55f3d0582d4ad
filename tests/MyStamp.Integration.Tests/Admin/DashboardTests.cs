using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MyStamp.Customers.Contracts;
using MyStamp.Integration.Tests.Infrastructure;
using MyStamp.Web.Admin;
using Orleans.Runtime;

namespace MyStamp.Integration.Tests.Admin;

public class DashboardTests(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private MyStampNode Node => fixture.Node;

    [Fact]
    public async Task An_admin_opens_the_Orleans_dashboard_and_sees_this_silo()
    {
        using var admin = await Node.LoginAsAdmin(api: false);

        var page = await admin.GetAsync($"{AdminConsole.DashboardPath}/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<title>Orleans Dashboard</title>", await page.Content.ReadAsStringAsync());

        // The dashboard grain refreshes its counters at most once a second: poll as its UI does.
        var silo = Node.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToParsableString();
        var hosts = new List<string?>();
        for (var attempt = 0; attempt < 20 && !hosts.Contains(silo); attempt++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            var counters = await admin.GetAsync($"{AdminConsole.DashboardPath}/DashboardCounters");
            Assert.Equal(HttpStatusCode.OK, counters.StatusCode);
            using var json = JsonDocument.Parse(await counters.Content.ReadAsStringAsync());
            hosts = json.RootElement.GetProperty("hosts").EnumerateArray().Select(host => host.GetProperty("siloAddress").GetString()).ToList();
        }
        Assert.Contains(silo, hosts);
    }

    [Fact]
    public async Task The_dashboard_without_a_trailing_slash_leads_to_the_dashboard()
    {
        using var admin = await Node.LoginAsAdmin(api: false);

        var response = await admin.GetAsync(AdminConsole.DashboardPath);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal($"{AdminConsole.DashboardPath}/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_grain_state_view_is_off_for_every_grain_type_and_activates_nothing()
    {
        using var admin = await Node.LoginAsAdmin(api: false);
        var customerId = Guid.CreateVersion7();
        var customer = Node.Grains.GetGrain<ICustomerGrain>(customerId);
        var management = Node.Grains.GetGrain<IManagementGrain>(0);

        var types = await admin.GetAsync($"{AdminConsole.DashboardPath}/GrainTypes");
        Assert.Equal(HttpStatusCode.OK, types.StatusCode);
        var grainTypes = JsonSerializer.Deserialize<string[]>(await types.Content.ReadAsStringAsync())!;
        var ours = grainTypes.Where(type => type.StartsWith("MyStamp.", StringComparison.Ordinal)).ToList();
        Assert.Contains("MyStamp.Customers.Accounts.CustomerGrain", ours);

        foreach (var grainType in ours)
        {
            var response = await admin.GetAsync($"{AdminConsole.DashboardPath}/GrainState?grainId={customerId}&grainType={Uri.EscapeDataString(grainType)}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            // The dashboard UI expects a JSON string holding JSON; it shows the notice instead of a state.
            var shown = JsonSerializer.Deserialize<string>(await response.Content.ReadAsStringAsync())!;
            using var notice = JsonDocument.Parse(shown);
            Assert.Equal(AdminConsole.GrainStateTurnedOff, notice.RootElement.GetProperty("grainState").GetString());
        }

        var active = await management.GetActiveGrains(customer.GetGrainId().Type);
        Assert.DoesNotContain(customer.GetGrainId(), active);
    }
}
