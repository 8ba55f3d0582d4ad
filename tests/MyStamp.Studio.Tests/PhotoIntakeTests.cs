using System.Diagnostics;
using Microsoft.Extensions.Options;
using MyStamp.BuildingBlocks.Errors;
using MyStamp.BuildingBlocks.Imaging;
using MyStamp.Studio.Contracts;
using MyStamp.Studio.Photos;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace MyStamp.Studio.Tests;

/// <summary>The photo intake is a pure function from uploaded bytes to a cleaned photo or a refusal.</summary>
public sealed class PhotoIntakeTests : IDisposable
{
    private static readonly StampFormatSize Portrait = StampFormats.Of(StampFormat.SmallPortrait);
    private readonly ImagingGate _gate = new(Options.Create(new ImagingOptions()));
    private readonly PhotoIntake _intake;

    public PhotoIntakeTests() => _intake = new PhotoIntake(_gate, Options.Create(new StudioOptions()));

    [Fact]
    public async Task The_stored_photo_keeps_no_camera_data_location_or_profiles()
    {
        var upload = TestPhotos.CameraJpeg(1200, 900);
        Assert.NotNull(Image.Identify(upload).Metadata.ExifProfile); // the test photo does carry GPS

        var cleaned = await _intake.Clean(upload, "image/jpeg", "holiday.jpg", Portrait);

        foreach (var stored in new[] { cleaned.Jpeg, cleaned.ScreenJpeg })
        {
            var metadata = Image.Identify(stored).Metadata;
            Assert.Null(metadata.ExifProfile);
            Assert.Null(metadata.IptcProfile);
            Assert.Null(metadata.XmpProfile);
            Assert.Null(metadata.IccProfile);
            var text = System.Text.Encoding.Latin1.GetString(stored);
            Assert.DoesNotContain("Exif", text);
            Assert.DoesNotContain("Brussels", text);
            Assert.DoesNotContain("PhoneMaker", text);
        }
    }

    [Fact]
    public async Task The_EXIF_orientation_is_kept_apart_and_applied_to_everything_rendered_once_the_metadata_is_gone()
    {
        // Orientation 6: the camera was turned a quarter clockwise; the stored top-left is the visual top-right.
        var cleaned = await _intake.Clean(TestPhotos.CameraJpeg(1200, 800, orientation: 6), "image/jpeg", null, Portrait);

        Assert.Equal((800, 1200), (cleaned.Width, cleaned.Height));
        Assert.Equal(6, cleaned.Orientation);
        using var screen = Image.Load<Rgba32>(cleaned.ScreenJpeg);
        Assert.Equal((800, 1200), (screen.Width, screen.Height));
        AssertClose(TestPhotos.Red, screen[screen.Width - 100, 100]);
        Assert.NotEqual(TestPhotos.Red, screen[100, 100]);
        // The full photo is rendered upright from the stored file and the recorded orientation.
        using var gate = new ImagingGate(Options.Create(new ImagingOptions()));
        var (upright, _) = await gate.LoadForCrop(new StoredPicture(cleaned.Jpeg, new Crop(0, 0, 800, 1200), cleaned.Orientation), new Crop(0, 0, 800, 1200), CancellationToken.None);
        using (upright)
        {
            Assert.Equal((800, 1200), (upright.Width, upright.Height));
            AssertClose(TestPhotos.Red, upright[upright.Width - 100, 100]);
        }
        using var exported = Image.Load<Rgba32>(await _intake.UprightJpeg(cleaned.Jpeg, cleaned.Orientation));
        Assert.Equal((800, 1200), (exported.Width, exported.Height));
    }

    [Fact]
    public void Cutting_the_metadata_out_of_a_JPEG_whose_segment_runs_past_its_end_is_refused_not_crashed()
    {
        // SOI, then an APP1 segment claiming 255 bytes of which 2 are there.
        byte[] broken = [0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0xFF, 0x45, 0x78];

        Assert.Throws<InvalidDataException>(() => JpegStructure.WithoutMetadata(broken));
    }

    [Fact]
    public async Task A_JPEG_keeps_its_own_image_data_byte_for_byte_without_its_metadata_or_what_follows_its_end()
    {
        var camera = TestPhotos.CameraJpeg(1200, 900);
        // Phones append a second picture or a video after the end-of-image marker.
        var withTrailer = camera.Concat(System.Text.Encoding.ASCII.GetBytes("MotionPhoto video of the kitchen")).ToArray();

        var cleaned = await _intake.Clean(withTrailer, "image/jpeg", "IMG.jpg", Portrait);

        Assert.True(cleaned.Jpeg.Length < camera.Length, "the metadata segments are gone");
        Assert.DoesNotContain("MotionPhoto", System.Text.Encoding.Latin1.GetString(cleaned.Jpeg));
        using var before = Image.Load<Rgba32>(camera);
        using var after = Image.Load<Rgba32>(cleaned.Jpeg);
        Assert.Equal((before.Width, before.Height), (after.Width, after.Height));
        for (var y = 0; y < before.Height; y += 37)
        {
            for (var x = 0; x < before.Width; x += 41)
            {
                Assert.Equal(before[x, y], after[x, y]);
            }
        }
    }

    [Fact]
    public async Task A_photo_that_fits_the_chosen_format_but_not_another_gets_a_warning()
    {
        var landscape = StampFormats.Of(StampFormat.Landscape);
        var cleaned = await _intake.Clean(TestPhotos.Png(Portrait.PrintWidthPx, Portrait.PrintHeightPx, TestPhotos.Blue), "image/png", "me.png", Portrait);

        Assert.Contains(cleaned.Warnings, warning => warning.Contains($"{landscape.PrintWidthPx} × {landscape.PrintHeightPx}"));
    }

    [Fact]
    public async Task A_photo_too_small_for_300_DPI_is_refused_with_the_minimum_size()
    {
        var refusal = await Refused(TestPhotos.Png(200, 250, TestPhotos.Blue), "image/png", "small.png");

        Assert.Equal(DomainErrorKind.Validation, refusal.Kind);
        Assert.Contains($"{Portrait.PrintWidthPx} × {Portrait.PrintHeightPx}", refusal.FieldErrors["photo"].Single());
    }

    [Theory]
    [InlineData("text/plain", "letter.jpg")]
    [InlineData("image/jpeg", "letter.jpg")]
    [InlineData(null, "letter.jpg")]
    public async Task A_text_file_renamed_jpg_is_not_a_photo(string? contentType, string fileName)
    {
        Assert.Equal(DomainErrorKind.UnsupportedMediaType, (await Refused(TestPhotos.TextRenamedJpg(), contentType, fileName)).Kind);
    }

    [Fact]
    public async Task An_SVG_is_not_accepted()
    {
        Assert.Equal(DomainErrorKind.UnsupportedMediaType, (await Refused(TestPhotos.Svg(), "image/svg+xml", "drawing.svg")).Kind);
    }

    [Fact]
    public async Task A_PNG_sent_as_a_JPEG_does_not_match_its_type()
    {
        var refusal = await Refused(TestPhotos.Png(600, 600, TestPhotos.Blue), "image/jpeg", "photo.jpg");

        Assert.Equal(DomainErrorKind.UnsupportedMediaType, refusal.Kind);
        Assert.Contains("PNG", refusal.Title);
    }

    [Fact]
    public async Task An_empty_file_is_not_a_photo()
    {
        Assert.Equal(DomainErrorKind.UnsupportedMediaType, (await Refused([], "image/jpeg", "empty.jpg")).Kind);
    }

    [Fact]
    public async Task A_truncated_JPEG_is_refused_as_damaged()
    {
        Assert.Equal(DomainErrorKind.Validation, (await Refused(TestPhotos.TruncatedJpeg(), "image/jpeg", "cut.jpg")).Kind);
    }

    [Fact]
    public async Task A_truncated_PNG_is_refused_as_damaged()
    {
        var png = TestPhotos.CameraPng(800, 600);

        Assert.Equal(DomainErrorKind.Validation, (await Refused(png[..(png.Length / 2)], "image/png", "cut.png")).Kind);
    }

    [Fact]
    public async Task A_decompression_bomb_is_refused_from_its_header_without_decoding()
    {
        var bomb = TestPhotos.PngBombHeader();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var timer = Stopwatch.StartNew();

        var refusal = await Refused(bomb, "image/png", "bomb.png");

        Assert.Equal(DomainErrorKind.Validation, refusal.Kind);
        Assert.Contains("100000 × 100000", refusal.FieldErrors["photo"].Single());
        Assert.True(timer.Elapsed < TimeSpan.FromSeconds(1), $"took {timer.Elapsed}");
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore < 16 * 1024 * 1024, "the bomb's pixels were allocated");
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_too_large()
    {
        var intake = new PhotoIntake(_gate, Options.Create(new StudioOptions { MaxUploadMegabytes = 1 }));

        var refusal = await Assert.ThrowsAsync<DomainException>(() => intake.Clean(new byte[1024 * 1024 + 1], "image/jpeg", "big.jpg", Portrait));

        Assert.Equal(DomainErrorKind.PayloadTooLarge, refusal.Kind);
    }

    private Task<DomainException> Refused(byte[] bytes, string? contentType, string? fileName) =>
        Assert.ThrowsAsync<DomainException>(() => _intake.Clean(bytes, contentType, fileName, Portrait));

    private static void AssertClose(Rgba32 expected, Rgba32 actual)
    {
        // JPEG is lossy: colours come back within a few steps.
        Assert.InRange(actual.R, expected.R - 24, expected.R + 24);
        Assert.InRange(actual.G, expected.G - 24, expected.G + 24);
        Assert.InRange(actual.B, expected.B - 24, expected.B + 24);
    }

    public void Dispose() => _gate.Dispose();
}
