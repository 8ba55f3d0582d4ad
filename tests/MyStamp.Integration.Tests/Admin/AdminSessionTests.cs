using System.Net;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MyStamp.Integration.Tests.Infrastructure;

namespace MyStamp.Integration.Tests.Admin;

/// <summary>An admin's sign-in ends after 20 idle minutes; a customer's after the usual 8 hours.</summary>
public sealed class AdminSessionTests(AdminSessionTests.ClockedNode fixture) : IClassFixture<AdminSessionTests.ClockedNode>
{
    /// <summary>One node on a fake clock for the class; each test signs in afresh, so moving the clock on is harmless.</summary>
    public sealed class ClockedNode : IAsyncLifetime
    {
        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);
        public MyStampNode Node { get; }

        public ClockedNode() => Node = new MyStampNode(clock: Clock);

        public Task InitializeAsync()
        {
            Node.Start();
            return Task.CompletedTask;
        }

        public async Task DisposeAsync() => await Node.DisposeAsync();
    }

    private FakeTimeProvider Clock => fixture.Clock;
    private MyStampNode Node => fixture.Node;

    [Fact]
    public async Task An_admin_cookie_is_issued_for_twenty_minutes_a_customer_cookie_for_eight_hours()
    {
        using var admin = await Node.LoginAsAdmin(api: false);
        using var customer = await Node.NewCustomer(api: false);

        Assert.Equal(TimeSpan.FromMinutes(20), Lifetime(admin));
        Assert.Equal(TimeSpan.FromHours(8), Lifetime(customer));
    }

    [Fact]
    public async Task An_idle_admin_is_signed_out_after_twenty_minutes()
    {
        using var admin = await Node.LoginAsAdmin(api: false);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin")).StatusCode);

        Clock.Advance(TimeSpan.FromMinutes(21));
        var response = await admin.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task An_admin_who_keeps_working_stays_signed_in()
    {
        using var admin = await Node.LoginAsAdmin(api: false);

        for (var step = 0; step < 6; step++)
        {
            Clock.Advance(TimeSpan.FromMinutes(15));
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin")).StatusCode);
        }
    }

    [Fact]
    public async Task A_customer_idle_for_an_hour_is_still_signed_in()
    {
        using var customer = await Node.NewCustomer(api: false);

        Clock.Advance(TimeSpan.FromHours(1));

        // Still signed in: the admin area refuses them as a customer (403), not as a stranger (302 to sign in).
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.GetAsync("/admin")).StatusCode);
    }

    private TimeSpan Lifetime(TestClient client)
    {
        var cookie = Node.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme);
        var ticket = cookie.TicketDataFormat.Unprotect(client.Cookies["mystamp.auth"])!;
        return ticket.Properties.ExpiresUtc!.Value - ticket.Properties.IssuedUtc!.Value;
    }
}
