namespace MyStamp.Web.Admin;

/// <summary>A page of the admin area, built by the module it belongs to. Title and description are English keys of <c>AdminText</c>.</summary>
public sealed record AdminDesk(string Title, string Path, string Description);

/// <summary>
/// The desks the console links to, each a page other modules build. Every one is mapped in every build
/// (AdminConsolePagesTests opens each as an admin), so the console never shows a card that leads nowhere.
/// </summary>
public static class AdminDesks
{
    public static readonly IReadOnlyList<AdminDesk> All =
    [
        new("Moderation queue", "/Studio/Review", "Designs waiting for review: approve, or reject with a reason."),
        new("Production desk", "/Admin/Orders", "Orders by status, moved through production."),
        new("Privacy requests", "/Admin/Privacy/Requests", "Data-subject requests, oldest due first."),
        new("Privacy", "/Admin/Privacy", "Objections, the advertising audience and the processing register."),
        new("Retention", "/Admin/Retention", "What is erased when, the erasures under way and their notices."),
        new("Customers", "/admin/customers", "Find a customer by e-mail or id: profile, orders, designs. Every look is recorded."),
        new("Orleans dashboard", AdminConsole.DashboardPath + "/", "Grains, silos, reminders and method timings, live."),
    ];
}
