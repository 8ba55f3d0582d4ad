using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyStamp.Customers.Contracts;
using MyStamp.Privacy.Contracts;
using MyStamp.Web.Security;

namespace MyStamp.Web.Privacy;

/// <summary>My privacy: objections (O4), survey objection, access report, export and the customer's own requests.</summary>
[Authorize]
public sealed class MyPrivacyModel(IGrainFactory grains) : PageModel
{
    public ObjectionsView Objections { get; private set; } = new([], false);
    public bool Restricted { get; private set; }
    public IReadOnlyList<DataSubjectRequestView> Requests { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync()
    {
        var customerId = User.CallerId();
        var privacy = grains.GetGrain<ICustomerPrivacyGrain>(customerId);
        Objections = await privacy.GetObjections();
        Restricted = await privacy.IsRestricted();
        var requests = new List<DataSubjectRequestView>();
        foreach (var entry in await grains.GetGrain<IDataSubjectRequestQueueGrain>(0).GetForCustomer(customerId))
        {
            if (await grains.GetGrain<IDataSubjectRequestGrain>(entry.RequestId).Get() is { } view)
            {
                requests.Add(view);
            }
        }
        Requests = requests;
    }

    public async Task<IActionResult> OnPostObjectAsync(ObjectionChannel channel)
    {
        await grains.GetGrain<ICustomerPrivacyGrain>(User.CallerId()).Object(channel, ObjectionSource.Online, null);
        // An English key of the shop's text: the page shows it in the reader's language.
        Message = channel == ObjectionChannel.Surveys ? "You will receive no more survey invitations." : "Your objection is recorded and took effect at once.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostAcknowledgeAsync(int version)
    {
        await grains.GetGrain<ICustomerPrivacyGrain>(User.CallerId()).AcknowledgePolicy(version);
        return LocalRedirect("/Privacy");
    }
}
