using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using MyStamp.BuildingBlocks.Errors;
using MyStamp.Studio.Contracts;
using MyStamp.Audit.Contracts;
using MyStamp.Web.Admin.Looks;
using MyStamp.Web.Security;

using MyStamp.Web.ApiReference;

namespace MyStamp.Web.Studio;

/// <summary>The Designs part of the HTTP API (API.md): upload, crop, preview, print sheet, moderation.</summary>
public static class StudioApi
{
    public static IEndpointRouteBuilder MapStudioApi(this IEndpointRouteBuilder endpoints)
    {
        var limits = endpoints.ServiceProvider.GetRequiredService<IConfiguration>()
            .GetSection(DesignUploadOptions.Section).Get<DesignUploadOptions>() ?? new DesignUploadOptions();
        var designs = endpoints.MapGroup("/api/designs").RequireAuthorization();
        // The form is read by hand (streamed, bounded); the X-Requested-With check covers forgery.
        designs.MapPost("", (HttpContext http, IGrainFactory grains) => Upload(http, grains, limits)).DisableAntiforgery()
            .WithMetadata(new MultipartForm(typeof(DesignUpload))).Produces<UploadResponse>(StatusCodes.Status201Created);
        designs.MapGet("", Mine).Produces<IReadOnlyList<DesignResponse>>();
        designs.MapGet("/formats", Formats).AllowAnonymous().Produces<IReadOnlyList<FormatResponse>>();
        designs.MapGet("/{id:guid}", Get).Produces<DesignResponse>();
        designs.MapPut("/{id:guid}", ChangeCrop).Produces<DesignResponse>();
        designs.MapPost("/{id:guid}/submit", Submit).Produces<DesignResponse>();
        // Owners see their own; an admin's fetch is a look at the owner's photo, recorded first.
        designs.MapGet("/{id:guid}/preview.png", Preview).Produces(StatusCodes.Status200OK, contentType: "image/png")
            .ShowsPersonalData(ViewedData.DesignImage("stamp preview"));
        designs.MapGet("/{id:guid}/sheet.pdf", Sheet).Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ShowsPersonalData(ViewedData.DesignImage("print sheet"));
        designs.MapGet("/{id:guid}/photo.jpg", Photo).Produces(StatusCodes.Status200OK, contentType: "image/jpeg")
            .ShowsPersonalData(ViewedData.DesignImage("photo"));

        var admin = endpoints.MapGroup("/api/admin/designs").RequireAuthorization(Roles.AdminPolicy);
        admin.MapGet("", ForReview).Produces<IReadOnlyList<DesignResponse>>()
            .ShowsNoPersonalData("The moderation queue: design ids, formats, crops and statuses; each image is fetched, and recorded, on its own");
        admin.MapPost("/{id:guid}/review", Review).Produces<DesignResponse>().ShowsNoPersonalData("Answers the reviewed design's id, status and crop");
        return endpoints;
    }

    private static async Task<IResult> Upload(HttpContext http, IGrainFactory grains, DesignUploadOptions limits)
    {
        var viewer = Viewer(http.User);
        var maxPhoto = limits.MaxUploadBytes;
        var maxBody = maxPhoto + DesignUploadOptions.FormOverheadBytes;
        // Kestrel refuses a longer body on its own from here on, whatever its global default.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = maxBody;
        }
        if (http.Request.ContentLength > maxBody)
        {
            throw new DomainException(DomainErrorKind.PayloadTooLarge, $"The photo is larger than {limits.MaxUploadMegabytes} MB.");
        }
        var form = await DesignUploadForm.Read(http.Request, maxPhoto, http.RequestAborted);

        var designId = Guid.CreateVersion7();
        var uploaded = await grains.GetGrain<IDesignGrain>(designId)
            .Upload(new UploadPhoto(viewer.CustomerId, form.Photo, form.ContentType, form.FileName, form.Format));
        return Results.Created($"/api/designs/{designId}", new UploadResponse(uploaded.DesignId, uploaded.WidthPx, uploaded.HeightPx, uploaded.Warnings));
    }

    /// <summary>GET /api/designs: the caller's designs, newest first, from the design catalog.</summary>
    private static async Task<IResult> Mine(HttpContext http, IGrainFactory grains) =>
        Results.Ok((await MyDesigns.List(grains, http.User)).Select(DesignResponse.From));

    private static IResult Formats() => Results.Ok(StampFormats.All.Select(FormatResponse.From));

    private static async Task<IResult> Get(Guid id, HttpContext http, IGrainFactory grains) =>
        Results.Ok(DesignResponse.From(await grains.GetGrain<IDesignGrain>(id).Get(Viewer(http.User))));

    private static async Task<IResult> ChangeCrop(Guid id, ChangeCropRequest request, HttpContext http, IGrainFactory grains)
    {
        var errors = new FieldErrors();
        if (request.Format is null)
        {
            errors.Add("format", $"Choose a format: {string.Join(", ", Enum.GetNames<StampFormat>())}.");
        }
        if (request.Crop is not { X: not null, Y: not null, Width: not null, Height: not null })
        {
            errors.Add("crop", "Give the crop as {x, y, width, height} in pixels of the photo.");
        }
        errors.ThrowIfAny();
        var crop = new Crop(request.Crop!.X!.Value, request.Crop.Y!.Value, request.Crop.Width!.Value, request.Crop.Height!.Value);
        var view = await grains.GetGrain<IDesignGrain>(id).ChangeCrop(Viewer(http.User), new ChangeCrop(request.Format!.Value, crop));
        return Results.Ok(DesignResponse.From(view));
    }

    /// <summary>POST /api/designs/{id}/submit: the crop is final; from now on only the cropped area of the photo is kept.</summary>
    private static async Task<IResult> Submit(Guid id, HttpContext http, IGrainFactory grains) =>
        Results.Ok(DesignResponse.From(await grains.GetGrain<IDesignGrain>(id).Submit(Viewer(http.User))));

    private static async Task<IResult> Preview(Guid id, HttpContext http, IGrainFactory grains, AdminLooks looks) =>
        await DesignFile(id, http, grains, looks, "stamp preview", (design, viewer) => design.GetPreview(viewer));

    private static async Task<IResult> Sheet(Guid id, HttpContext http, IGrainFactory grains, AdminLooks looks) =>
        await DesignFile(id, http, grains, looks, "print sheet", (design, viewer) => design.GetSheet(viewer));

    private static async Task<IResult> Photo(Guid id, HttpContext http, IGrainFactory grains, AdminLooks looks) =>
        await DesignFile(id, http, grains, looks, "photo", (design, viewer) => design.GetScreenPhoto(viewer));

    /// <summary>A design's image for its owner, or for an admin once the look at the owner's photo is recorded.</summary>
    private static async Task<IResult> DesignFile(Guid id, HttpContext http, IGrainFactory grains, AdminLooks looks, string which, Func<IDesignGrain, DesignViewer, Task<DesignFile>> read)
    {
        var viewer = Viewer(http.User);
        var design = grains.GetGrain<IDesignGrain>(id);
        var file = await read(design, viewer);
        if (viewer.IsAdmin)
        {
            var owner = (await design.GetSummary())?.OwnerId ?? throw DomainException.NotFound("The design");
            await looks.AtCustomer(owner, ViewedData.DesignImage(which));
        }
        return FileResult(http, file);
    }

    /// <summary>GET /api/admin/designs?status=PendingReview&amp;limit=50: the moderation queue, oldest first.</summary>
    private static async Task<IResult> ForReview(IGrainFactory grains, DesignStatus? status, int? limit) =>
        Results.Ok((await grains.GetGrain<IDesignCatalogGrain>(0).ListByStatus(status ?? DesignStatus.PendingReview, limit ?? 50)).Select(DesignResponse.From));

    private static async Task<IResult> Review(Guid id, ReviewRequest request, HttpContext http, IGrainFactory grains)
    {
        if (request.Decision is null)
        {
            throw DomainException.Invalid("decision", "Choose a decision: Approve or Reject.");
        }
        var view = await grains.GetGrain<IDesignGrain>(id).Review(new ReviewDesign(Viewer(http.User).CustomerId, request.Decision.Value, request.Reason));
        return Results.Ok(DesignResponse.From(view));
    }

    /// <summary>Photos are personal: never kept by a shared cache, and revalidated because a new crop changes them.</summary>
    private static IResult FileResult(HttpContext http, DesignFile file)
    {
        http.Response.Headers.CacheControl = "private, no-cache";
        return Results.File(file.Content, file.ContentType);
    }

    private static DesignViewer Viewer(ClaimsPrincipal user) => MyDesigns.Viewer(user);
}

/// <summary>The answer to an upload (API.md).</summary>
/// <summary>The multipart form of POST /api/designs, as the API reference describes it (the endpoint reads the form itself).</summary>
/// <param name="Photo">JPEG, PNG or WebP.</param>
/// <param name="Format">SmallPortrait (default), Landscape or Square.</param>
public sealed record DesignUpload(IFormFile Photo, StampFormat? Format);

public sealed record UploadResponse(Guid DesignId, int WidthPx, int HeightPx, IReadOnlyList<string> Warnings);

/// <summary>PUT /api/designs/{id}: nullable so that a missing field is a field error, not a silent zero.</summary>
public sealed record ChangeCropRequest(StampFormat? Format, CropRequest? Crop);

public sealed record CropRequest(int? X, int? Y, int? Width, int? Height);

/// <summary>POST /api/admin/designs/{id}/review.</summary>
public sealed record ReviewRequest(ReviewVerdict? Decision, RejectionReason? Reason);

public sealed record CropResponse(int X, int Y, int Width, int Height);

/// <summary>A design as the API shows it to its owner or an admin.</summary>
public sealed record DesignResponse(
    Guid DesignId,
    DesignStatus Status,
    StampFormat Format,
    CropResponse Crop,
    int WidthPx,
    int HeightPx,
    DateTimeOffset UploadedAt,
    RejectionReason? RejectionReason,
    bool Ordered,
    DateTimeOffset? DeletedUnlessOrderedBy,
    DateTimeOffset? SubmittedAt,
    KeptPhoto KeptPhoto,
    int KeptWidthPx,
    int KeptHeightPx,
    string PreviewUrl,
    string SheetUrl,
    string PhotoUrl)
{
    public static DesignResponse From(DesignView view) => new(
        view.DesignId,
        view.Status,
        view.Format,
        new CropResponse(view.Crop.X, view.Crop.Y, view.Crop.Width, view.Crop.Height),
        view.WidthPx,
        view.HeightPx,
        view.UploadedAt,
        view.RejectionReason,
        view.Ordered,
        view.DeletedUnlessOrderedBy,
        view.SubmittedAt,
        view.KeptPhoto,
        view.KeptWidthPx,
        view.KeptHeightPx,
        $"/api/designs/{view.DesignId}/preview.png",
        $"/api/designs/{view.DesignId}/sheet.pdf",
        $"/api/designs/{view.DesignId}/photo.jpg");
}

/// <summary>A stamp format with its printed sizes.</summary>
public sealed record FormatResponse(StampFormat Format, string Name, double PictureWidthMm, double PictureHeightMm, double StampWidthMm, double StampHeightMm, int MinWidthPx, int MinHeightPx)
{
    public static FormatResponse From(StampFormatSize size) =>
        new(size.Format, size.Name, size.PictureWidthMm, size.PictureHeightMm, size.StampWidthMm, size.StampHeightMm, size.PrintWidthPx, size.PrintHeightPx);
}
