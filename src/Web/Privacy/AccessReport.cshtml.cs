using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyStamp.Privacy.Contracts;
using MyStamp.Web.Security;

namespace MyStamp.Web.Privacy;

/// <summary>The Art. 15 access report of the signed-in customer, as a page.</summary>
[Authorize]
public sealed class AccessReportModel(IGrainFactory grains) : PageModel
{
    public AccessReport Report { get; private set; } = null!;

    public async Task OnGetAsync() => Report = await grains.GetGrain<ICustomerPrivacyGrain>(User.CallerId()).GetAccessReport();
}
