using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyStamp.Audit.Contracts;
using MyStamp.Retention.Contracts;
using MyStamp.Web.Admin.Looks;
using MyStamp.Web.Security;

namespace MyStamp.Web.Retention;

/// <summary>
/// One erasure notice of the outbox with its e-mail address, opened by an admin (the outbox is listed, masked, in
/// Development, where no mail server sends it). The look is recorded in the customer's trail before the address is shown.
/// </summary>
[Authorize(Policy = Roles.AdminPolicy)]
[ShowsPersonalData(ViewedData.NoticeAddress)]
public sealed class AdminRetentionNoticeModel(IRetentionReport report, AdminLooks looks) : PageModel
{
    /// <summary>The outbox is read this far to find the notice; it holds a few at a time (delivered ones are deleted).</summary>
    public const int OutboxReadLimit = 10_000;

    public PendingNotice Notice { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid noticeId, CancellationToken cancellationToken)
    {
        var notice = (await report.PendingNotices(OutboxReadLimit, cancellationToken)).FirstOrDefault(n => n.NoticeId == noticeId);
        if (notice is null)
        {
            return NotFound();
        }
        await looks.AtCustomer(notice.CustomerId, ViewedData.NoticeAddress);
        Notice = notice;
        return Page();
    }
}
