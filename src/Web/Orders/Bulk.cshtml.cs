using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyStamp.BuildingBlocks.Errors;
using MyStamp.Orders.Contracts;
using MyStamp.Web.Security;

namespace MyStamp.Web.Orders;

/// <summary>The Pro bulk page: upload a CSV, then watch its progress (fed by SignalR).</summary>
[Authorize(Policy = Roles.ProPolicy)]
public sealed class BulkOrderModel(IGrainFactory grains) : PageModel
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
        Bulk = await grains.GetGrain<IBulkOrderGrain>(id.Value).GetFor(User.CallerId());
        return Bulk is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPost(IFormFile? file, bool controllerAttestation)
    {
        try
        {
            if (file is null || file.Length == 0)
            {
                throw DomainException.Invalid("file", "Choose a CSV file.");
            }
            if (file.Length > OrdersApi.MaxBulkFileBytes)
            {
                throw new DomainException(DomainErrorKind.PayloadTooLarge, $"A bulk file may be at most {OrdersApi.MaxBulkFileBytes / (1024 * 1024)} MB.");
            }
            var csv = await BulkFile.ReadCsv(file);
            var receipt = await grains.GetGrain<IBulkOrderIntakeGrain>(User.CallerId())
                .Submit(new SubmitBulkOrder(Guid.CreateVersion7(), csv, controllerAttestation));
            AlreadySubmitted = receipt.AlreadySubmitted;
            return Redirect($"/Pro/BulkOrders/{receipt.BulkOrderId}");
        }
        catch (DomainException exception)
        {
            Problem = exception.FieldErrors.Count > 0
                ? string.Join(" ", exception.FieldErrors.SelectMany(pair => pair.Value))
                : exception.Title;
            return Page();
        }
    }
}
