using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyStamp.BuildingBlocks.Errors;
using MyStamp.Web.Errors;
using MyStamp.Orders.Contracts;
using MyStamp.Web.Security;

namespace MyStamp.Web.Orders;

/// <summary>The Pro bulk page: upload a CSV, then watch its progress (fed by SignalR).</summary>
[Authorize(Policy = Roles.ProPolicy)]
public sealed class BulkOrderModel(IGrainFactory grains, Languages.DomainText text) : PageModel
{
    public BulkOrderView? Bulk { get; private set; }
    public string? Problem { get; private set; }

    [TempData]
    public bool AlreadySubmitted { get; set; }

    public async Task<IActionResult> OnGet(Guid? id)
    {
        if (id is null)
        {
            return Page();
        }
        var bulk = await grains.GetGrain<IBulkOrderGrain>(id.Value).GetFor(User.CallerId());
        if (bulk is null)
        {
            return NotFound();
        }
        Bulk = BulkFile.InWords(bulk, text);
        return Page();
    }

    /// <summary>Where a bulk order stands, in words: English keys of <c>ShopText</c>.</summary>
    public static string Status(BulkOrderStatus status) => status == BulkOrderStatus.Completed ? "Completed" : "In progress";

    /// <summary>Each status in the request's language, as JSON for the live page's script (the hub sends codes).</summary>
    public static string StatusWords(Microsoft.Extensions.Localization.IStringLocalizer<Languages.ShopText> text) =>
        System.Text.Json.JsonSerializer.Serialize(Enum.GetValues<BulkOrderStatus>().ToDictionary(status => status.ToString(), status => text[Status(status)].Value));

    public async Task<IActionResult> OnPost(IFormFile? file, bool controllerAttestation)
    {
        try
        {
            var csv = await BulkFile.ReadCsv(file);
            var receipt = await grains.GetGrain<IBulkOrderIntakeGrain>(User.CallerId())
                .Submit(new SubmitBulkOrder(Guid.CreateVersion7(), csv, controllerAttestation));
            AlreadySubmitted = receipt.AlreadySubmitted;
            return Redirect($"/Pro/BulkOrders/{receipt.BulkOrderId}");
        }
        catch (DomainException exception)
        {
            Problem = FormErrors.From(exception, text).OneLine;
            return Page();
        }
    }
}
