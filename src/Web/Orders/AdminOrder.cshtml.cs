using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyStamp.Audit.Contracts;
using MyStamp.Orders.Contracts;
using MyStamp.Web.Admin.Looks;
using MyStamp.Web.Security;

namespace MyStamp.Web.Orders;

/// <summary>
/// One order on the production desk, to ship it: the shipping address and the print sheet. Opening it is a look at
/// the customer's data, recorded before anything is shown.
/// </summary>
[Authorize(Policy = Roles.AdminPolicy)]
[ShowsPersonalData(ViewedData.OrderToShip)]
public sealed class AdminOrderModel(IGrainFactory grains, AdminLooks looks) : PageModel
{
    public OrderView Order { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await grains.GetGrain<IOrderGrain>(id).Get() is not { } order)
        {
            return NotFound();
        }
        await looks.AtOrderCustomer(order, ViewedData.OrderToShip);
        Order = order;
        return Page();
    }
}

/// <summary>
/// The production desk's batch print view: for every order of a status (paid ones by default), its address label
/// and its print sheet, on one page to print. Each customer shown gets one entry in their trail, before the page shows.
/// </summary>
[Authorize(Policy = Roles.AdminPolicy)]
[ShowsPersonalData(ViewedData.BatchPrintView)]
public sealed class AdminPrintModel(IGrainFactory grains, AdminLooks looks) : PageModel
{
    /// <summary>Orders on one print view at most (a batch of the production job is larger: print it in parts).</summary>
    public const int Limit = 200;

    private const int Parallelism = 16;

    public OrderStatus Status { get; private set; }
    public IReadOnlyList<OrderView> Orders { get; private set; } = [];

    public async Task OnGetAsync(OrderStatus? status)
    {
        Status = status ?? OrderStatus.Paid;
        var summaries = await grains.GetGrain<IOrdersOverviewGrain>(0).ListByStatus(Status, Limit);
        // The overview holds no addresses (by design): each label is read from its order.
        var orders = new List<OrderView>(summaries.Count);
        foreach (var batch in summaries.Chunk(Parallelism))
        {
            orders.AddRange((await Task.WhenAll(batch.Select(summary => grains.GetGrain<IOrderGrain>(summary.OrderId).Get()))).OfType<OrderView>());
        }
        var shown = orders.Where(order => order.CustomerId != Guid.Empty).ToList();
        await looks.AtCustomers(shown.Select(order => order.CustomerId), ViewedData.BatchPrintView);
        Orders = shown;
    }
}
