using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyStamp.Orders.Contracts;
using MyStamp.Web.Security;

namespace MyStamp.Web.Orders;

[Authorize]
public sealed class OrdersIndexModel(IGrainFactory grains) : PageModel
{
    public IReadOnlyList<OrderSummary> Orders { get; private set; } = [];

    public async Task OnGet() => Orders = await grains.GetGrain<IOrdersOverviewGrain>(0).ListForCustomer(User.CallerId(), 500);
}
