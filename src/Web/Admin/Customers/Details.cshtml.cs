using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyStamp.Audit.Contracts;
using MyStamp.Customers.Contracts;
using MyStamp.Orders.Contracts;
using MyStamp.Studio.Contracts;

namespace MyStamp.Web.Admin.Customers;

/// <summary>
/// One customer as an admin sees them: profile, orders and designs, and who looked at them before. The
/// look is written to the customer's audit trail before anything is shown; if that fails, nothing is.
/// </summary>
public sealed class CustomerDetailsModel(IGrainFactory grains) : PageModel
{
    /// <summary>At most this many orders and designs are listed, newest first.</summary>
    public const int ListLimit = 50;

    public Guid CustomerId { get; private set; }
    public CustomerProfile? Profile { get; private set; }
    public IReadOnlyList<OrderView> Orders { get; private set; } = [];
    public int OrderCount { get; private set; }
    public IReadOnlyList<DesignSummary> Designs { get; private set; } = [];
    public int DesignCount { get; private set; }
    public IReadOnlyList<PersonalDataView> Views { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid customerId)
    {
        if (AdminIdentity.IdOf(User) is not { } adminId)
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

        var trail = grains.GetGrain<IPersonalDataViewsGrain>(customerId);
        await trail.Record(adminId, ViewedData.CustomerPage);

        var orderIds = await customer.GetOrderIds();
        var designIds = await customer.GetDesignIds();
        var orders = Task.WhenAll(orderIds.Take(ListLimit).Select(id => grains.GetGrain<IOrderGrain>(id).Get()));
        var designs = Task.WhenAll(designIds.Take(ListLimit).Select(id => grains.GetGrain<IDesignGrain>(id).GetSummary()));
        var views = trail.List();
        await Task.WhenAll(orders, designs, views);

        Profile = profile;
        Orders = orders.Result.OfType<OrderView>().ToList();
        OrderCount = orderIds.Count;
        Designs = designs.Result.OfType<DesignSummary>().ToList();
        DesignCount = designIds.Count;
        Views = views.Result;
        return Page();
    }
}
