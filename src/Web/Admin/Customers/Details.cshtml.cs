using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyStamp.Audit.Contracts;
using MyStamp.Customers.Contracts;
using MyStamp.Orders.Contracts;
using MyStamp.Studio.Contracts;
using Microsoft.Extensions.DependencyInjection;
using MyStamp.Web.Admin.Looks;
using MyStamp.Web.Security;

namespace MyStamp.Web.Admin.Customers;

/// <summary>
/// One customer as an admin sees them: profile, orders and designs, and who looked at them before. The
/// look is written to the customer's audit trail before anything is shown; if that fails, nothing is.
/// </summary>
[ShowsPersonalData(ViewedData.CustomerPage)]
public sealed class CustomerDetailsModel(IGrainFactory grains, AdminLooks looks, Microsoft.Extensions.Localization.IStringLocalizer<Languages.AdminText> text) : PageModel
{
    /// <summary>At most this many orders and designs are listed, newest first.</summary>
    public const int ListLimit = 50;

    public Guid CustomerId { get; private set; }
    public CustomerProfile? Profile { get; private set; }
    public IReadOnlyList<OrderView> Orders { get; private set; } = [];
    public int OrderCount { get; private set; }
    public IReadOnlyList<DesignView> Designs { get; private set; } = [];
    public int DesignCount { get; private set; }
    public IReadOnlyList<PersonalDataView> Views { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid customerId)
    {
        if (User.CallerIdOrNull() is null)
        {
            // Without an id the look could not be recorded, so it may not happen.
            return Forbid();
        }
        CustomerId = customerId;
        var customer = grains.GetGrain<ICustomerGrain>(customerId);
        var profile = await customer.GetProfile();
        if (profile is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        await looks.AtCustomer(customerId, ViewedData.CustomerPage);
        var trail = grains.GetGrain<IPersonalDataViewsGrain>(customerId);

        var orderIds = await customer.GetOrderIds();
        var designIds = await customer.GetDesignIds();
        var orders = Task.WhenAll(orderIds.Take(ListLimit).Select(id => grains.GetGrain<IOrderGrain>(id).Get()));
        var designs = grains.GetGrain<IDesignCatalogGrain>(0).ListForOwner(customerId, ListLimit);
        var views = trail.List();
        await Task.WhenAll(orders, designs, views);

        Profile = profile;
        Orders = orders.Result.OfType<OrderView>().ToList();
        OrderCount = orderIds.Count;
        Designs = designs.Result;
        DesignCount = designIds.Count;
        Views = views.Result;
        return Page();
    }

    /// <summary>Ends every session of the customer (a stolen cookie, a shared computer): every browser is signed out.</summary>
    [ShowsNoPersonalData("Ends the customer's sessions and redirects to their page, which records its own look")]
    public async Task<IActionResult> OnPostEndSessionsAsync(Guid customerId)
    {
        // The grain tells every node's SessionVersions before it answers.
        await grains.GetGrain<ICustomerGrain>(customerId).EndSessions();
        Message = text["Every session of this customer has ended: each browser is signed out on its next request."];
        return RedirectToPage(new { customerId });
    }
}
