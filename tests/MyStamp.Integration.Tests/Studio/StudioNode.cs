using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MyStamp.Integration.Tests.Infrastructure;

namespace MyStamp.Integration.Tests.Studio;

/// <summary>
/// One node shared by a Studio test class, with a clock the tests can move, and clients signed in as
/// customers or as an admin.
/// </summary>
public sealed class StudioNode : IAsyncLifetime
{
    private readonly MyStampNode _node;

    public StudioNode()
    {
        _node = new MyStampNode(clock: Clock);
        Host = _node.WithWebHostBuilder(StudioSignIn.Enable);
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public WebApplicationFactory<Program> Host { get; }

    public IGrainFactory Grains => Host.Services.GetRequiredService<IGrainFactory>();

    public Task<HttpClient> Customer() => StudioSignIn.AsNewCustomer(Host);

    public Task<HttpClient> Admin() => StudioSignIn.AsAdmin(Host);

    public HttpClient Anonymous()
    {
        var client = Host.CreateClient();
        client.DefaultRequestHeaders.Add("X-Requested-With", "XMLHttpRequest");
        return client;
    }

    public Task InitializeAsync()
    {
        _ = Host.Services;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _node.DisposeAsync();
}

/// <summary>
/// How the Studio tests sign in. Until the Customers module's real registration and login land, a test-only
/// endpoint issues the real authentication cookie for a fresh customer id; nothing of it is in src/.
/// Switch <see cref="AsNewCustomer"/> and <see cref="AsAdmin"/> to the real helpers when they exist.
/// </summary>
public static class StudioSignIn
{
    private const string SignInPath = "/test-only/sign-in";

    public static void Enable(IWebHostBuilder builder) =>
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter>(new SignInEndpoint()));

    public static async Task<HttpClient> AsNewCustomer(WebApplicationFactory<Program> host) => await SignedIn(host, admin: false);

    public static async Task<HttpClient> AsAdmin(WebApplicationFactory<Program> host) => await SignedIn(host, admin: true);

    /// <summary>The customer id the client is signed in as.</summary>
    public static async Task<Guid> CustomerId(HttpClient client) =>
        await client.GetFromJsonAsync<Guid>(SignInPath);

    private static async Task<HttpClient> SignedIn(WebApplicationFactory<Program> host, bool admin)
    {
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("X-Requested-With", "XMLHttpRequest");
        var response = await client.PostAsync($"{SignInPath}?admin={admin}", null);
        response.EnsureSuccessStatusCode();
        return client;
    }

    private sealed class SignInEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            // Not app.Map: that would move PathBase, and the cookie would only be sent back to the sign-in path.
            app.Use(async (context, nextMiddleware) =>
            {
                if (context.Request.Path != SignInPath)
                {
                    await nextMiddleware(context);
                    return;
                }
                if (HttpMethods.IsGet(context.Request.Method))
                {
                    var result = await context.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                    await context.Response.WriteAsJsonAsync(Guid.Parse(result.Principal!.FindFirstValue(ClaimTypes.NameIdentifier)!));
                    return;
                }
                var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()) };
                if (context.Request.Query["admin"] == "True")
                {
                    claims.Add(new Claim(ClaimTypes.Role, "admin"));
                }
                var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
                await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
            });
            next(app);
        };
    }
}

/// <summary>Builds the multipart upload the way a browser sends it.</summary>
public static class PhotoUpload
{
    public static MultipartFormDataContent Form(byte[] photo, string? contentType, string fileName, string? format = null)
    {
        var file = new ByteArrayContent(photo);
        if (contentType is not null)
        {
            file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }
        var form = new MultipartFormDataContent { { file, "photo", fileName } };
        if (format is not null)
        {
            form.Add(new StringContent(format), "format");
        }
        return form;
    }
}
