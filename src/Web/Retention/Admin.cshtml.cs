using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Hosting;
using MyStamp.Retention.Contracts;
using MyStamp.Web.Security;

namespace MyStamp.Web.Retention;

/// <summary>
/// Retention for admins (O7): what the reminders and the daily sweep erased, the last sweep, a button to
/// sweep now, and, in Development where no mail server is configured, the outbox of erasure notices.
/// </summary>
[Authorize(Policy = Roles.AdminPolicy)]
[Admin.Looks.ShowsNoPersonalData("Counts, the last sweep, and the notice outbox by notice id and masked address; opening an address is a page of its own")]
public sealed class AdminRetentionModel(IRetentionReport report, IHostEnvironment environment) : PageModel
{
    public RetentionReportView Report { get; private set; } = null!;

    /// <summary>The notices waiting for delivery, listed in Development only; the page shows masked addresses (see <see cref="Mask"/>).</summary>
    public IReadOnlyList<PendingNotice>? Outbox { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task OnGet(CancellationToken cancellationToken)
    {
        Report = await report.Read(cancellationToken);
        if (environment.IsDevelopment())
        {
            Outbox = await report.PendingNotices(200, cancellationToken);
        }
    }

    public async Task<IActionResult> OnPostSweep(CancellationToken cancellationToken)
    {
        var result = await report.SweepNow(cancellationToken);
        Message = $"Sweep done: {result.Checked} checked, {result.CustomersErased} customers and {result.OrdersErased} orders erased, {result.Failures} failures.";
        return RedirectToPage();
    }

    /// <summary>
    /// An address as the outbox lists it: its first letter and its top-level domain, enough to tell two notices
    /// apart at a glance, not to know who they go to. Opening a notice shows the address and records the look.
    /// </summary>
    public static string Mask(string email)
    {
        var at = email.LastIndexOf('@');
        if (at <= 0)
        {
            return "•••";
        }
        var dot = email.LastIndexOf('.');
        var topLevel = dot > at ? email[dot..] : "";
        return $"{email[0]}•••@•••{topLevel}";
    }
}
