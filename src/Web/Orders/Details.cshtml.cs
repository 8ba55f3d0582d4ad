using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyStamp.BuildingBlocks.Errors;
using MyStamp.Web.Errors;
using MyStamp.Orders.Contracts;
using MyStamp.Web.Security;

namespace MyStamp.Web.Orders;

/// <summary>One order: its status updates live (SignalR), with the simulated payment and cancellation.</summary>
[Authorize]
public sealed class OrderDetailsModel(IGrainFactory grains, Languages.DomainText text) : PageModel
{
    public OrderView Order { get; private set; } = null!;

    [TempData]
    public string? Problem { get; set; }

    public async Task<IActionResult> OnGet(Guid id)
    {
        var order = await grains.GetGrain<IOrderGrain>(id).GetFor(User.CallerId());
        if (order is null)
        {
            return NotFound();
        }
        Order = order;
        return Page();
    }

    public Task<IActionResult> OnPostPay(Guid id) => Act(id, order => order.Pay(User.CallerId()));

    public Task<IActionResult> OnPostCancel(Guid id) => Act(id, order => order.Cancel(User.CallerId()));

    private async Task<IActionResult> Act(Guid id, Func<IOrderGrain, Task<OrderView>> action)
    {
        try
        {
            await action(grains.GetGrain<IOrderGrain>(id));
        }
        catch (DomainException exception) when (exception.Kind == DomainErrorKind.NotFound)
        {
            return NotFound();
        }
        catch (DomainException exception)
        {
            Problem = FormErrors.From(exception, text).OneLine;
        }
        return Redirect($"/Orders/{id}");
    }
}
