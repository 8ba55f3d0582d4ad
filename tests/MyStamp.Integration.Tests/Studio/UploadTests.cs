using System.Net;
using System.Net.Http.Json;
using MyStamp.Integration.Tests.Infrastructure;
using MyStamp.Studio.Contracts;
using MyStamp.Studio.Tests;
using PdfSharp.Pdf.IO;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;

namespace MyStamp.Integration.Tests.Studio;

/// <summary>A customer's photo becomes a stamp, and nothing about where or with what it was taken is kept.</summary>
public class UploadTests(StudioNode studio) : IClassFixture<StudioNode>
{
    [Fact]
    public async Task A_12_megapixel_phone_photo_loses_its_GPS_and_camera_data_and_becomes_a_preview_and_a_one_page_sheet()
    {
        // O1: nothing beyond the listed categories is stored about the person, so no location or camera either.
        var photo = TestPhotos.CameraJpeg(4000, 3000);
        Assert.NotNull(Image.Identify(photo).Metadata.ExifProfile?.Values.FirstOrDefault(value => value.Tag.ToString().StartsWith("GPS")));
        using var customer = await studio.Customer();

        var response = await customer.PostAsync("/api/designs", Designs.UploadForm(photo, "image/jpeg", "IMG_2041.jpg"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var uploaded = (await response.Content.ReadFromJsonAsync<UploadedBody>())!;
        Assert.Equal((4000, 3000), (uploaded.WidthPx, uploaded.HeightPx));
        Assert.Equal($"/api/designs/{uploaded.DesignId}", response.Headers.Location?.ToString());

        var stored = await StoredPhoto(uploaded.DesignId);
        AssertNoMetadata(stored);
        Assert.Equal((4000, 3000), (Image.Identify(stored).Width, Image.Identify(stored).Height));

        var preview = await customer.GetAsync($"/api/designs/{uploaded.DesignId}/preview.png");
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal("image/png", preview.Content.Headers.ContentType?.MediaType);
        var previewBytes = await preview.Content.ReadAsByteArrayAsync();
        Assert.IsType<PngFormat>(Image.DetectFormat(previewBytes));
        AssertNoMetadata(previewBytes);
        var stamp = StampFormats.Of(StampFormat.SmallPortrait);
        var info = Image.Identify(previewBytes);
        Assert.Equal(stamp.StampWidthMm / stamp.StampHeightMm, (double)info.Width / info.Height, precision: 2);

        var sheet = await customer.GetAsync($"/api/designs/{uploaded.DesignId}/sheet.pdf");
        Assert.Equal(HttpStatusCode.OK, sheet.StatusCode);
        Assert.Equal("application/pdf", sheet.Content.Headers.ContentType?.MediaType);
        using var pdf = PdfReader.Open(await sheet.Content.ReadAsStreamAsync(), PdfDocumentOpenMode.Import);
        Assert.Equal(1, pdf.PageCount);
    }

    [Fact]
    public async Task A_new_design_waits_for_review_with_a_centred_crop_and_is_listed_among_the_customers_designs()
    {
        using var customer = await studio.Customer();
        var customerId = customer.AccountId;

        var designId = await Designs.Upload(customer, TestPhotos.CameraJpeg(1600, 1200), "Landscape");

        var design = (await customer.GetFromJsonAsync<DesignBody>($"/api/designs/{designId}"))!;
        Assert.Equal("PendingReview", design.Status);
        Assert.Equal("Landscape", design.Format);
        Assert.Equal(new CropBody(0, 0, 1600, 1200), design.Crop);
        Assert.Equal(studio.Clock.GetUtcNow().AddDays(30), design.DeletedUnlessOrderedBy);
        var mine = (await customer.GetFromJsonAsync<List<DesignBody>>("/api/designs"))!;
        Assert.Contains(mine, listed => listed.DesignId == designId);
        // O7: the customer knows their designs, so that erasing the customer finds every photo.
        Assert.Contains(designId, await studio.Grains.GetGrain<MyStamp.Customers.Contracts.ICustomerGrain>(customerId).GetDesignIds());
    }

    [Fact]
    public async Task A_photo_turned_by_its_EXIF_orientation_is_shown_and_handed_back_upright()
    {
        using var customer = await studio.Customer();

        var response = await customer.PostAsync("/api/designs", Designs.UploadForm(TestPhotos.CameraJpeg(1200, 900, orientation: 6), "image/jpeg", "turned.jpg"));

        var uploaded = (await response.Content.ReadFromJsonAsync<UploadedBody>())!;
        Assert.Equal((900, 1200), (uploaded.WidthPx, uploaded.HeightPx));
        // What the customer sees and gets back is upright: the editor's copy, and the photo in the export.
        var screen = Image.Identify(await customer.GetByteArrayAsync($"/api/designs/{uploaded.DesignId}/photo.jpg"));
        Assert.Equal((900, 1200), (screen.Width, screen.Height));
        var exported = await studio.Grains.GetGrain<IDesignGrain>(uploaded.DesignId).GetOriginal(new DesignViewer(customer.AccountId, IsAdmin: false));
        Assert.Equal((900, 1200), (Image.Identify(exported.Content).Width, Image.Identify(exported.Content).Height));
    }

    [Fact]
    public async Task A_photo_too_small_to_print_is_refused_with_the_minimum_pixel_size()
    {
        using var customer = await studio.Customer();
        var landscape = StampFormats.Of(StampFormat.Landscape);

        var response = await customer.PostAsync("/api/designs", Designs.UploadForm(TestPhotos.Png(400, 400, TestPhotos.Blue), "image/png", "small.png", "Landscape"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"{landscape.PrintWidthPx} × {landscape.PrintHeightPx}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Only_signed_in_customers_can_upload()
    {
        using var anonymous = studio.Node.CreateApiClient();

        var response = await anonymous.PostAsync("/api/designs", Designs.UploadForm(TestPhotos.CameraJpeg(800, 600), "image/jpeg", "a.jpg"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }


    internal static async Task<byte[]> StoredPhoto(Guid designId) =>
        (await TestDatabase.Scalar<byte[]>("SELECT content FROM studio_design_blobs WHERE design_id = @id AND kind = 'original'", ("id", designId)))!;

    private static void AssertNoMetadata(byte[] image)
    {
        var metadata = Image.Identify(image).Metadata;
        Assert.Null(metadata.ExifProfile);
        Assert.Null(metadata.XmpProfile);
        Assert.Null(metadata.IptcProfile);
        Assert.Null(metadata.IccProfile);
        var text = System.Text.Encoding.Latin1.GetString(image);
        Assert.DoesNotContain("Exif", text);
        Assert.DoesNotContain("PhoneMaker", text);
        Assert.DoesNotContain("Brussels", text);
    }
}

public sealed record UploadedBody(Guid DesignId, int WidthPx, int HeightPx, List<string> Warnings);

public sealed record CropBody(int X, int Y, int Width, int Height);

public sealed record DesignBody(
    Guid DesignId, string Status, string Format, CropBody Crop, int WidthPx, int HeightPx, DateTimeOffset UploadedAt,
    string? RejectionReason, bool Ordered, DateTimeOffset? DeletedUnlessOrderedBy, string PreviewUrl, string SheetUrl, string PhotoUrl);
