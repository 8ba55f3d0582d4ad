using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MyStamp.Web.Security;

/// <summary>How long an admin's sign-in survives without use (section <c>Admin</c>).</summary>
public sealed class AdminSessionOptions
{
    public const string Section = "Admin";

    /// <summary>
    /// Idle timeout of an admin's cookie: an admin can see everyone's personal data, so an unattended
    /// browser must not stay signed in for the customers' 8 hours. Each use within the window extends it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "08:00:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(20);
}

/// <summary>
/// Admin sessions: a shorter idle timeout for cookies carrying the admin role, and a plain 403 (not the
/// customers' "access denied" page) when someone without the role asks for the admin area.
/// </summary>
internal static class AdminSession
{
    public static IServiceCollection AddAdminSession(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AdminSessionOptions>()
            .Bind(configuration.GetSection(AdminSessionOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // Post-configured, so that it wraps whatever events the cookie set-up in WebModule (or a module) installs.
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .PostConfigure<IOptions<AdminSessionOptions>>((cookie, admin) =>
            {
                var signingIn = cookie.Events.OnSigningIn;
                cookie.Events.OnSigningIn = async context =>
                {
                    await signingIn(context);
                    if (context.Principal?.IsInRole(Roles.Admin) == true)
                    {
                        // The cookie handler slides a ticket by its own span (expires − issued), so a
                        // 20-minute ticket stays a 20-minute idle window on every renewal.
                        var issued = context.Properties.IssuedUtc ?? cookie.TimeProvider?.GetUtcNow() ?? DateTimeOffset.UtcNow;
                        var limit = issued + admin.Value.IdleTimeout;
                        if (context.Properties.ExpiresUtc is null || context.Properties.ExpiresUtc > limit)
                        {
                            context.Properties.ExpiresUtc = limit;
                        }
                    }
                };

                var accessDenied = cookie.Events.OnRedirectToAccessDenied;
                cookie.Events.OnRedirectToAccessDenied = context =>
                {
                    if (context.Request.Path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase))
                    {
                        context.Response.StatusCode = StatusCodes.Status403Forbidden;
                        return Task.CompletedTask;
                    }
                    return accessDenied(context);
                };
            });
        return services;
    }
}
