using System.Net.Http.Json;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MyStamp.Integration.Tests.Infrastructure;

namespace MyStamp.Integration.Tests.Privacy;

/// <summary>
/// The one place where the Privacy tests sign in. Customers register and sign in through the real
/// account API; admins get a ticket of the real cookie scheme (until the Customers test helpers offer a
/// login-as-admin).
/// </summary>
internal static class PrivacyTestUsers
{
    public const string Password = "Correct-horse-battery-9";

    /// <summary>A client that sends the API's request-forgery header on every call.</summary>
    public static HttpClient Client(MyStampNode node)
    {
        var client = node.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("X-Requested-With", "XMLHttpRequest");
        return client;
    }

    /// <summary>Registers a customer through the API, signs them in, and returns their id, profile body and signed-in client.</summary>
    public static async Task<TestCustomer> RegisterCustomer(MyStampNode node, string firstName, string? phone = "+32 470 12 34 56")
    {
        var client = Client(node);
        var email = $"{firstName.ToLowerInvariant()}.{Guid.NewGuid():N}@example.be";
        var profile = new
        {
            firstName,
            lastName = "Van den Bossche-" + Guid.NewGuid().ToString("N")[..6],
            email,
            password = Password,
            gender = "Female",
            birthDate = "1988-04-12",
            phone,
            address = new { street = "Kerkstraat", houseNumber = "12", box = "3", postalCode = "9000", city = "Gent", country = "BE" },
            accountType = "Consumer",
            acceptedPolicyVersion = 1,
        };
        var registered = await client.PostAsJsonAsync("/api/account/register", profile);
        Assert.True(registered.IsSuccessStatusCode, $"Registration failed: {(int)registered.StatusCode} {await registered.Content.ReadAsStringAsync()}");
        var customerId = (await registered.Content.ReadFromJsonAsync<RegisteredCustomer>())!.CustomerId;
        var login = await client.PostAsJsonAsync("/api/account/login", new { email, password = Password });
        Assert.True(login.IsSuccessStatusCode, $"Sign-in failed: {(int)login.StatusCode}");
        return new TestCustomer(customerId, email, client);
    }

    /// <summary>A client signed in as an admin (role admin), with a fresh admin id.</summary>
    public static (Guid AdminId, HttpClient Client) SignInAsAdmin(MyStampNode node)
    {
        var adminId = Guid.NewGuid();
        var options = node.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme);
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, adminId.ToString()), new Claim(ClaimTypes.Role, "admin")],
            CookieAuthenticationDefaults.AuthenticationScheme);
        var ticket = new AuthenticationTicket(new ClaimsPrincipal(identity), CookieAuthenticationDefaults.AuthenticationScheme);
        var client = Client(node);
        client.DefaultRequestHeaders.Add("Cookie", $"{options.Cookie.Name}={options.TicketDataFormat.Protect(ticket)}");
        return (adminId, client);
    }

    private sealed record RegisteredCustomer(Guid CustomerId);
}

internal sealed record TestCustomer(Guid Id, string Email, HttpClient Client);
