using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyStamp.BuildingBlocks.Errors;
using MyStamp.Web.Security;
using MyStamp.Studio.Contracts;

namespace MyStamp.Web.Studio;

/// <summary>/Studio: the signed-in customer's designs, newest first.</summary>
[Authorize]
public sealed class IndexModel(IGrainFactory grains) : PageModel
{
    public IReadOnlyList<DesignView> Designs { get; private set; } = [];

    public async Task OnGetAsync() =>
        Designs = await MyDesigns.List(grains, User);
}

/// <summary>/Studio/Upload: choose a photo and a format; the upload shows its progress.</summary>
[Authorize]
public sealed class UploadModel : PageModel
{
    public IReadOnlyList<StampFormatSize> Formats => StampFormats.All;

    public void OnGet()
    {
    }
}

/// <summary>/Studio/Design/{id}: the crop editor with its live preview, the server's preview and the print sheet.</summary>
[Authorize]
public sealed class DesignModel(IGrainFactory grains) : PageModel
{
    public DesignView Design { get; private set; } = null!;

    public IReadOnlyList<StampFormatSize> Formats => StampFormats.All;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        try
        {
            Design = await grains.GetGrain<IDesignGrain>(id).Get(MyDesigns.Viewer(User));
            return Page();
        }
        catch (DomainException exception) when (exception.Kind == DomainErrorKind.NotFound)
        {
            return NotFound();
        }
    }

    /// <summary>"Submit this crop": the crop becomes final and only that area of the photo is kept.</summary>
    public async Task<IActionResult> OnPostSubmitAsync(Guid id)
    {
        try
        {
            await grains.GetGrain<IDesignGrain>(id).Submit(MyDesigns.Viewer(User));
            return RedirectToPage(new { id });
        }
        catch (DomainException exception) when (exception.Kind == DomainErrorKind.NotFound)
        {
            return NotFound();
        }
    }
}

/// <summary>/Studio/Review: the admins' moderation queue, oldest first, with approve and reject buttons.</summary>
[Authorize(Policy = MyStamp.Web.Security.Roles.AdminPolicy)]
[MyStamp.Web.Admin.Looks.ShowsNoPersonalData("The moderation queue: design ids, formats and statuses; each preview image is fetched, and recorded, on its own")]
public sealed class ReviewModel(IGrainFactory grains) : PageModel
{
    public IReadOnlyList<DesignView> Waiting { get; private set; } = [];

    public async Task OnGetAsync() =>
        Waiting = await grains.GetGrain<IDesignCatalogGrain>(0).ListByStatus(DesignStatus.PendingReview, 50);
}
