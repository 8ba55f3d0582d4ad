using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MyStamp.Web.Admin.Looks;
using MyStamp.Web.Security;
using Orleans.Dashboard;

namespace MyStamp.Web.Admin;

/// <summary>
/// The admin area: the console's Razor Pages under <c>/admin</c> and the Orleans dashboard under
/// <c>/admin/dashboard</c>, both for the admin role only.
/// </summary>
public static class AdminConsole
{
    public const string DashboardPath = "/admin/dashboard";

    /// <summary>
    /// What the dashboard's "Grain Details" view shows instead of a grain's state. That view activates
    /// any grain by type and id and calls, by reflection, its parameterless methods that return its
    /// persisted state type (or are named GetState), then shows the result as JSON: personal data,
    /// outside the audit trail. MyStamp turns it off.
    /// </summary>
    public const string GrainStateTurnedOff =
        "The grain state view is turned off in MyStamp: it would activate grains and show their personal data " +
        "without an audit entry. Use the admin console's customer page, which records every look.";

    public static IServiceCollection AddAdminConsole(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAdminSession(configuration);
        services.AddSingleton<ClusterHealthReader>();
        services.AddHttpContextAccessor();
        services.AddScoped<AdminLooks>();
        services.Configure<RazorPagesOptions>(options =>
        {
            options.Conventions.AuthorizeFolder("/Admin", Roles.AdminPolicy);
            // The guard of pages declared [ShowsPersonalData]: no answer to an admin without a recorded look.
            options.Conventions.ConfigureFilter(new AdminLookFilters.PageFilter());
        });
        return services;
    }

    /// <summary>Maps the Orleans dashboard (the silo adds its services) behind the admin policy.</summary>
    public static IEndpointRouteBuilder MapAdminConsole(this IEndpointRouteBuilder app)
    {
        // The dashboard has no authorization of its own: every one of its endpoints gets the admin policy.
        IEndpointConventionBuilder dashboard = app.MapOrleansDashboard(DashboardPath).RequireAuthorization(Roles.AdminPolicy)
            .ShowsNoPersonalData("Reviewed: cluster, silo, grain-type and reminder statistics and the log stream; the grain state view is off");
        dashboard.Add(ReviewDashboardEndpoint);

        var customers = app.MapGroup("/api/admin/customers").RequireAuthorization(Roles.AdminPolicy);
        customers.MapPost("/{customerId:guid}/end-sessions", async (Guid customerId, IGrainFactory grains) =>
        {
            // The grain tells every node's SessionVersions before it answers.
            await grains.GetGrain<MyStamp.Customers.Contracts.ICustomerGrain>(customerId).EndSessions();
            return Results.NoContent();
        }).ShowsNoPersonalData("Ends every session of a customer; answers nothing");
        return app;
    }

    /// <summary>
    /// The dashboard routes (relative to its prefix) reviewed for what they show: cluster, silo, grain
    /// type and reminder statistics, the log stream (logs carry no personal data), and the UI's assets.
    /// A route a later dashboard version adds is refused until someone reviews it and lists it here.
    /// </summary>
    private static readonly HashSet<string> ReviewedDashboardRoutes = new(StringComparer.OrdinalIgnoreCase)
    {
        "/", "/index.html", "/favicon.ico", "/index.min.js", "/index.css", "/fonts/{**path}", "/img/{**path}",
        "/version", "/DashboardCounters", "/ClusterStats", "/Reminders", "/Reminders/{page:int}",
        "/HistoricalStats/{*path}", "/SiloProperties/{*address}", "/SiloMetadata/{*address}",
        "/SiloStats/{*address}", "/SiloCounters/{*address}", "/GrainStats/{*grainName}", "/TopGrainMethods",
        "/LifecycleStages", "/GrainTypes", "/Trace",
    };

    private const string GrainStateRoute = "/GrainState";

    private static void ReviewDashboardEndpoint(EndpointBuilder endpoint)
    {
        if (endpoint is not RouteEndpointBuilder { RoutePattern.RawText: { } raw } route)
        {
            return;
        }
        var relative = raw.StartsWith(DashboardPath, StringComparison.OrdinalIgnoreCase) ? raw[DashboardPath.Length..] : raw;
        if (relative.Equals(GrainStateRoute, StringComparison.OrdinalIgnoreCase))
        {
            // Replaces the handler: the dashboard grain's reflective GetGrainState is never reached. The
            // dashboard UI expects a JSON string holding indented JSON, so the notice keeps that shape.
            var notice = JsonSerializer.Serialize(new { grainState = GrainStateTurnedOff }, new JsonSerializerOptions { WriteIndented = true });
            route.RequestDelegate = context => context.Response.WriteAsJsonAsync(notice);
        }
        else if (!ReviewedDashboardRoutes.Contains(relative))
        {
            route.RequestDelegate = context =>
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return context.Response.WriteAsync("This dashboard view has not been reviewed for personal data and is off.");
            };
        }
    }
}
