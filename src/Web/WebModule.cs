using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MyStamp.Web.Account;
using MyStamp.Web.Admin;
using MyStamp.Web.Admin.Jobs;
using MyStamp.Web.ApiReference;
using MyStamp.Web.Errors;
using MyStamp.Web.Languages;
using MyStamp.Web.Orders;
using MyStamp.Web.Privacy;
using MyStamp.Web.Admin.Looks;
using MyStamp.Web.Security;
using MyStamp.Web.Studio;

namespace MyStamp.Web;

/// <summary>Composition of the web edge: what <c>src/Silo/Program.cs</c> calls.</summary>
public static class WebModule
{
    public static IServiceCollection AddMyStampWeb(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        services.AddProblemDetails();
        services.AddShopLanguages();
        services.AddExceptionHandler<DomainExceptionHandler>();
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        // PostgreSQL away, a silo gone mid-call: 503 with Retry-After, never a 500.
        services.AddExceptionHandler<UnavailableExceptionHandler>();

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.Cookie.Name = "mystamp.auth";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.LoginPath = "/Account/Login";
                options.LogoutPath = "/Account/Logout";
                options.AccessDeniedPath = "/Account/AccessDenied";
                options.SlidingExpiration = true;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                // The API answers 401/403 as problem details; only pages redirect to the login form.
                options.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
                // An erased (or otherwise closed) account is signed out on its next request, on every node (O7).
                options.Events.OnValidatePrincipal = SessionValidation.ValidatePrincipal;
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(Roles.AdminPolicy, policy => policy.RequireRole(Roles.Admin))
            .AddPolicy(Roles.ProPolicy, policy => policy.RequireRole(Roles.Pro));

        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "mystamp.antiforgery";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.HeaderName = "X-CSRF-TOKEN";
        });
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
            // Unknown fields are a client mistake worth telling about, not something to ignore silently.
            options.SerializerOptions.UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow;
        });
        // Binding failures (bad JSON, wrong types, unknown fields) throw in every environment, so that
        // BadRequestExceptionHandler answers them with problem details naming the field.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddReverseProxySupport(configuration);
        services.AddAccountRateLimits(configuration);
        services.AddRazorPages(options => options.RootDirectory = "/");
        services.AddSignalR();
        services.AddOrdersWeb();
        services.AddAdminConsole(configuration);
        services.AddApiReference();
        services.AddSingleton<AdminJobs>();
        services.AddSingleton<SessionVersions>();
        services.AddSingleton<MyStamp.Customers.Contracts.ISessionVersionListener>(provider => provider.GetRequiredService<SessionVersions>());
        return services;
    }

    public static WebApplication UseMyStampWeb(this WebApplication app)
    {
        // First: everything after it (rate limits, cookies' Secure flag) sees the customer's address and scheme.
        app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        // Before the exception handler: problem details are written in the request's language too.
        app.UseRequestLocalization();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseMiddleware<ApiRequestForgeryMiddleware>();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapMyStampWeb(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorPages().WithStaticAssets();
        app.MapOrdersApi();
        app.MapAccountApi();
        app.MapLanguageSwitcher();
        app.MapStudioApi();
        app.MapPrivacyApi();
        app.MapPrivacyAdminApi();
        app.MapAdminConsole();
        app.MapApiReference();
        app.MapHub<AdminJobsHub>(AdminJobsHub.Path)
            .ShowsNoPersonalData("Progress of long admin actions: counts and states, no one's data");
        return app;
    }

    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hubs"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
