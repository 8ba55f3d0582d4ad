using Microsoft.AspNetCore.Routing;

namespace MyStamp.Web.Admin;

/// <summary>A page of the admin area, built by the module it belongs to.</summary>
public sealed record AdminDesk(string Title, string Path, string Description);

/// <summary>
/// The desks the console links to. Other modules build them; a desk whose page is not mapped in this
/// build is listed without a link rather than as a broken one.
/// </summary>
public sealed class AdminDesks(EndpointDataSource endpoints)
{
    public static readonly IReadOnlyList<AdminDesk> All =
    [
        new("Customers", "/admin/customers", "Find a customer by e-mail or id: profile, orders, designs. Every look is recorded."),
        new("Moderation queue", "/Admin/Studio/Moderation", "Designs waiting for review: approve, or reject with a reason."),
        new("Production desk", "/Admin/Orders", "Orders by status, moved through production."),
        new("Privacy requests", "/Admin/Privacy/Requests", "Data-subject requests, oldest due first."),
        new("Orleans dashboard", AdminConsole.DashboardPath + "/", "Grains, silos, reminders and method timings, live."),
    ];

    /// <summary>Whether the app maps a page or endpoint at the desk's path.</summary>
    public bool IsAvailable(AdminDesk desk)
    {
        var path = desk.Path.TrimEnd('/');
        return endpoints.Endpoints.OfType<RouteEndpoint>().Any(endpoint =>
            string.Equals("/" + (endpoint.RoutePattern.RawText ?? "").Trim('/'), path, StringComparison.OrdinalIgnoreCase));
    }
}
