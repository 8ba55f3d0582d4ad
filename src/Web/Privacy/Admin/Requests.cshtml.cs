using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyStamp.Privacy.Contracts;
using MyStamp.Web.Security;

namespace MyStamp.Web.Privacy.Admin;

/// <summary>The admin queue of data-subject requests, oldest due first, overdue ones marked (O10).</summary>
[Authorize(Policy = Roles.AdminPolicy)]
[MyStamp.Web.Admin.Looks.ShowsNoPersonalData("The queue: ids, types, channels, statuses and dates, no contact details")]
public sealed class RequestQueueModel(IGrainFactory grains) : PageModel
{
    public bool IncludeClosed { get; private set; }
    public IReadOnlyList<RequestQueueEntry> Queue { get; private set; } = [];

    public async Task OnGetAsync(bool includeClosed)
    {
        IncludeClosed = includeClosed;
        Queue = await grains.GetGrain<IDataSubjectRequestQueueGrain>(0).GetQueue(includeClosed);
    }
}
