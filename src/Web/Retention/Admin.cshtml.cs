using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Hosting;
using MyStamp.Retention.Contracts;
using MyStamp.Web.Admin.Jobs;
using MyStamp.Web.Security;

namespace MyStamp.Web.Retention;

/// <summary>
/// Retention for admins (O7): what the reminders and the daily sweep erased, the last sweep, a button to
/// sweep now, and, in Development where no mail server is configured, the outbox of erasure notices.
/// </summary>
[Authorize(Policy = Roles.AdminPolicy)]
[Admin.Looks.ShowsNoPersonalData("Counts, the last sweep, and the notice outbox by notice id and masked address; opening an address is a page of its own")]
public sealed class AdminRetentionModel(IRetentionReport report, IHostEnvironment environment, AdminJobs jobs, Microsoft.Extensions.Localization.IStringLocalizer<Languages.AdminText> text) : PageModel
{
    public RetentionReportView Report { get; private set; } = null!;

    /// <summary>The notices waiting for delivery, listed in Development only; the page shows masked addresses (see <see cref="Mask"/>).</summary>
    public IReadOnlyList<PendingNotice>? Outbox { get; private set; }

    [TempData]
    public string? Message { get; set; }

    /// <summary>The latest "Sweep now" on this node, followed live on the page.</summary>
    public AdminJobView? Sweep { get; private set; }

    public const string SweepJob = "retention-sweep";

    public async Task OnGet(CancellationToken cancellationToken)
    {
        Report = await report.Read(cancellationToken);
        Sweep = jobs.Find(SweepJob);
        if (environment.IsDevelopment())
        {
            Outbox = await report.PendingNotices(200, cancellationToken);
        }
    }

    /// <summary>
    /// Starts the sweep in the background and answers at once: a sweep over many subjects, with the purge after it,
    /// takes minutes, longer than a request should (and a proxy would) wait. The page follows it live.
    /// </summary>
    public IActionResult OnPostSweep()
    {
        var run = jobs.Start(SweepJob, async (progress, stopping) =>
        {
            progress.Report(text["Sweeping: checking every subject past its deadline."]);
            var result = await report.SweepNow(stopping);
            return text["Sweep done: {0} checked, {1} customers and {2} orders erased, {3} failures.", result.Checked, result.CustomersErased, result.OrdersErased, result.Failures].Value;
        });
        Message = run.Status == AdminJobStatus.Running ? text["The sweep runs in the background; its progress shows below."] : run.Message;
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
