using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyStamp.BuildingBlocks.Errors;
using MyStamp.Web.Errors;
using MyStamp.Orders.Contracts;
using MyStamp.Web.Security;

namespace MyStamp.Web.Orders;

/// <summary>Production desk for admins: orders by status, moved one step at a time; each order opens to ship it, and a batch print view.</summary>
[Authorize(Policy = Roles.AdminPolicy)]
[Admin.Looks.ShowsNoPersonalData("Order summaries: ids, dates, tariffs, sheets and totals; the address and sheet are on each order's page")]
public sealed class AdminOrdersModel(IGrainFactory grains, Languages.DomainText text) : PageModel
{
    public OrderStatus Status { get; private set; }
    public IReadOnlyList<OrderSummary> Orders { get; private set; } = [];

    [TempData]
    public string? Problem { get; set; }

    public async Task OnGet(OrderStatus? status)
    {
        Status = status ?? OrderStatus.Paid;
        Orders = await grains.GetGrain<IOrdersOverviewGrain>(0).ListByStatus(Status, 500);
    }

    public async Task<IActionResult> OnPostMove(Guid orderId, OrderStatus next, OrderStatus from)
    {
        try
        {
            await grains.GetGrain<IOrderGrain>(orderId).MoveTo(next, TransitionSource.Admin);
        }
        catch (DomainException exception)
        {
            Problem = FormErrors.From(exception, text).OneLine;
        }
        return Redirect($"/Admin/Orders?status={from}");
    }

    /// <summary>The next step production takes from a status (cancel and reject are offered apart).</summary>
    public static OrderStatus? NextStep(OrderStatus status) => status switch
    {
        OrderStatus.Submitted => OrderStatus.Paid,
        OrderStatus.Paid => OrderStatus.InProduction,
        OrderStatus.InProduction => OrderStatus.Printed,
        OrderStatus.Printed => OrderStatus.Shipped,
        OrderStatus.Shipped => OrderStatus.Delivered,
        _ => null,
    };
}
