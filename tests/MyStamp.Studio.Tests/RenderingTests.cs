using MyStamp.Studio.Contracts;
using Microsoft.Extensions.Options;
using MyStamp.BuildingBlocks.Imaging;
using MyStamp.Studio;
using MyStamp.Studio.Formats;
using MyStamp.Studio.Photos;
using MyStamp.Studio.Preview;
using MyStamp.Studio.Sheets;
using PdfSharp.Pdf.IO;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace MyStamp.Studio.Tests;

public class RenderingTests
{
    [Theory]
    [InlineData(StampFormat.SmallPortrait)]
    [InlineData(StampFormat.Landscape)]
    [InlineData(StampFormat.Square)]
    public void The_preview_has_the_stamp_proportions_a_white_perforated_margin_and_the_photo_inside(StampFormat format)
    {
        var size = StampFormats.Of(format);
        using var photo = new Image<Rgba32>(1600, 1200, TestPhotos.Blue);

        using var stamp = StampPreview.Compose(photo, CropGeometry.Centred(1600, 1200, size), size);

        Assert.Equal(size.StampWidthMm / size.StampHeightMm, (double)stamp.Width / stamp.Height, precision: 2);
        Assert.Equal(0, stamp[0, 0].A);                                    // the corner hole
        Assert.Equal(new Rgba32(255, 255, 255, 255), stamp[stamp.Width / 2, (int)(size.MarginMm * StampPreview.PixelsPerMm / 2)]);
        Assert.Equal(TestPhotos.Blue, stamp[stamp.Width / 2, stamp.Height / 2]);
    }

    [Fact]
    public void The_preview_shows_the_cropped_part_of_the_photo()
    {
        var square = StampFormats.Of(StampFormat.Square);
        using var photo = new Image<Rgba32>(2000, 1000, TestPhotos.Blue);
        photo.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                rows.GetRowSpan(y)[..1000].Fill(TestPhotos.Red);
            }
        });

        using var left = StampPreview.Compose(photo, new Crop(0, 0, 1000, 1000), square);
        using var right = StampPreview.Compose(photo, new Crop(1000, 0, 1000, 1000), square);

        Assert.Equal(TestPhotos.Red, left[left.Width / 2, left.Height / 2]);
        Assert.Equal(TestPhotos.Blue, right[right.Width / 2, right.Height / 2]);
    }

    [Fact]
    public void The_print_picture_has_exactly_the_300_DPI_pixels_of_the_format()
    {
        var landscape = StampFormats.Of(StampFormat.Landscape);
        using var photo = new Image<Rgba32>(4000, 3000, TestPhotos.Blue);

        using var picture = PrintSheet.PrintPicture(photo, CropGeometry.Centred(4000, 3000, landscape), landscape);

        Assert.Equal((landscape.PrintWidthPx, landscape.PrintHeightPx), (picture.Width, picture.Height));
    }

    [Fact]
    public void The_sheet_is_a_one_page_A4_PDF()
    {
        var portrait = StampFormats.Of(StampFormat.SmallPortrait);
        using var picture = new Image<Rgba32>(portrait.PrintWidthPx, portrait.PrintHeightPx, TestPhotos.Red);

        var pdf = PrintSheet.ToPdf(picture, portrait);

        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        Assert.Equal(1, document.PageCount);
        Assert.Equal(210, document.Pages[0].Width.Millimeter, precision: 0);
        Assert.Equal(297, document.Pages[0].Height.Millimeter, precision: 0);
    }

    [Fact]
    public async Task A_render_source_that_shows_part_of_the_photo_keeps_the_crop_in_place()
    {
        using var gate = new ImagingGate(Options.Create(new ImagingOptions()));
        var square = StampFormats.Of(StampFormat.Square);
        var picture = StampPreview.PictureSizeOf(square);
        // The screen copy of a 4000 × 3000 photo: 1600 × 1200, red left half, blue right half.
        var screenCopy = new StoredPicture(HalvesJpeg(1600, 1200), new Crop(0, 0, 4000, 3000));

        var (photo, region) = await gate.LoadForCrop(screenCopy, new Crop(2000, 500, 2000, 2000), CancellationToken.None);
        using (photo)
        {
            Assert.Equal(new Crop(800, 200, 800, 800), region);
            using var stamp = StampPreview.Compose(photo, region, square);
            var margin = (stamp.Width - picture.Width) / 2;
            // The right half only, from the picture's left edge to its right edge: blue, no red slid in.
            Assert.True(IsBlue(stamp[margin + 2, stamp.Height / 2]), $"{stamp[margin + 2, stamp.Height / 2]} at the left edge");
            Assert.True(IsBlue(stamp[stamp.Width - margin - 3, stamp.Height / 2]));
        }

        // A print master shows only the crop: the crop is all of it.
        var master = new StoredPicture(HalvesJpeg(900, 900), new Crop(1000, 500, 2000, 2000));
        var (kept, whole) = await gate.LoadForCrop(master, new Crop(1000, 500, 2000, 2000), CancellationToken.None);
        using (kept)
        {
            Assert.Equal(new Crop(0, 0, 900, 900), whole);
        }
    }

    [Theory]
    [InlineData(2000, 2000, true)]     // 800 screen pixels across for a 360-pixel picture
    [InlineData(600, 600, false)]      // 240 screen pixels: fewer than twice the output's
    public void The_screen_copy_is_rendered_from_only_when_it_has_twice_the_output_pixels_across_the_crop(int width, int height, bool screen)
    {
        var picture = StampPreview.PictureSizeOf(StampFormats.Of(StampFormat.Square));

        Assert.Equal(screen, StoredPicture.ScreenCopySuffices(4000, 3000, new Crop(100, 100, width, height), picture.Width, picture.Height));
    }

    private static bool IsBlue(Rgba32 pixel) => pixel.B > 150 && pixel.R < 80;

    private static byte[] HalvesJpeg(int width, int height)
    {
        using var image = new Image<Rgba32>(width, height, TestPhotos.Blue);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                rows.GetRowSpan(y)[..(width / 2)].Fill(TestPhotos.Red);
            }
        });
        using var jpeg = new MemoryStream();
        image.SaveAsJpeg(jpeg);
        return jpeg.ToArray();
    }
}
