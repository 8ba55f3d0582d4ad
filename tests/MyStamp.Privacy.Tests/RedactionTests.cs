using Microsoft.Extensions.Options;
using MyStamp.BuildingBlocks.Errors;
using MyStamp.BuildingBlocks.Imaging;
using MyStamp.Privacy.Contracts;
using MyStamp.Privacy.IdentityDocuments;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace MyStamp.Privacy.Tests;

/// <summary>Rectangles drawn in the browser black out the right pixels; nothing but the redacted pixels is kept (O9).</summary>
public sealed class RedactionTests : IDisposable
{
    private readonly ImagingGate _gate = new(Options.Create(new ImagingOptions()));
    private readonly IdentityDocumentRedactor _redactor;

    public RedactionTests() => _redactor = new IdentityDocumentRedactor(_gate);

    public void Dispose() => _gate.Dispose();

    [Fact]
    public void Rectangles_are_rounded_outwards_so_partly_covered_pixels_are_blacked_out()
    {
        var pixels = RedactionGeometry.ToPixels([new RedactionArea(10.4, 20.6, 30.2, 5.1)], 200, 100);

        Assert.Equal(new PixelRectangle(10, 20, 41, 26), Assert.Single(pixels));
    }

    [Fact]
    public void Rectangles_reaching_past_the_edge_are_clipped_to_the_image()
    {
        var pixels = RedactionGeometry.ToPixels([new RedactionArea(-15, 90, 50, 40)], 200, 100);

        Assert.Equal(new PixelRectangle(0, 90, 35, 100), Assert.Single(pixels));
    }

    [Theory]
    [InlineData(250, 10, 20, 20)]
    [InlineData(10, 10, 0, 20)]
    [InlineData(10, 10, 20, -5)]
    [InlineData(double.NaN, 10, 20, 20)]
    public void A_rectangle_outside_the_image_or_without_size_is_refused(double x, double y, double width, double height)
    {
        var error = Assert.Throws<DomainException>(() => RedactionGeometry.ToPixels([new RedactionArea(x, y, width, height)], 200, 100));

        Assert.Contains("redactions", error.FieldErrors.Keys);
    }

    [Fact]
    public void A_document_without_any_blacked_out_area_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => RedactionGeometry.ToPixels([], 200, 100));

        Assert.Contains("redactions", error.FieldErrors.Keys);
    }

    [Fact]
    public async Task The_redacted_document_has_black_rectangles_the_original_pixels_elsewhere_and_no_metadata()
    {
        using var original = new Image<Rgb24>(300, 200, new Rgb24(200, 180, 40));
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.Make, "Phone maker");
        exif.SetValue(ExifTag.ImageDescription, "National register 85.07.30-033.61");
        original.Metadata.ExifProfile = exif;
        using var jpeg = new MemoryStream();
        original.SaveAsJpeg(jpeg);

        var redacted = await _redactor.Redact(new IdentityDocumentUpload(jpeg.ToArray(), [new RedactionArea(20, 30, 60, 80), new RedactionArea(150, 150, 100, 20)]));

        using var stored = Image.Load<Rgb24>(redacted.Content);
        Assert.Equal("image/png", redacted.MediaType);
        Assert.Equal((300, 200), (stored.Width, stored.Height));
        Assert.Equal(new Rgb24(0, 0, 0), stored[20, 30]);
        Assert.Equal(new Rgb24(0, 0, 0), stored[79, 109]);
        Assert.Equal(new Rgb24(0, 0, 0), stored[249, 169]);
        Assert.True(IsNear(stored[80, 110], new Rgb24(200, 180, 40)));
        Assert.True(IsNear(stored[10, 10], new Rgb24(200, 180, 40)));
        Assert.Null(stored.Metadata.ExifProfile);
        Assert.Null(stored.Metadata.XmpProfile);
        Assert.DoesNotContain("Exif", System.Text.Encoding.Latin1.GetString(redacted.Content), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rectangles_apply_to_the_photo_as_the_browser_shows_it_turned_by_its_orientation()
    {
        // Stored 200 wide and 100 high, shown turned a quarter (EXIF orientation 6): 100 wide and 200 high.
        using var original = new Image<Rgb24>(200, 100, new Rgb24(90, 160, 220));
        original.Metadata.ExifProfile = new ExifProfile();
        original.Metadata.ExifProfile.SetValue(ExifTag.Orientation, (ushort)6);
        using var png = new MemoryStream();
        original.SaveAsPng(png);

        var redacted = await _redactor.Redact(new IdentityDocumentUpload(png.ToArray(), [new RedactionArea(0, 150, 100, 50)]));

        using var stored = Image.Load<Rgb24>(redacted.Content);
        Assert.Equal((100, 200), (stored.Width, stored.Height));
        Assert.Equal(new Rgb24(0, 0, 0), stored[50, 175]);
        Assert.Equal(new Rgb24(90, 160, 220), stored[50, 100]);
    }

    [Fact]
    public async Task A_file_that_is_not_an_image_is_refused_as_unsupported()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => _redactor.Redact(new IdentityDocumentUpload("%PDF-1.7 not an image"u8.ToArray(), [new RedactionArea(0, 0, 10, 10)])));

        Assert.Equal(DomainErrorKind.UnsupportedMediaType, error.Kind);
    }

    private static bool IsNear(Rgb24 actual, Rgb24 expected) =>
        Math.Abs(actual.R - expected.R) <= 6 && Math.Abs(actual.G - expected.G) <= 6 && Math.Abs(actual.B - expected.B) <= 6;
}
