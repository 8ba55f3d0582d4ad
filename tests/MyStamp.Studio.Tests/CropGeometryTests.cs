using MyStamp.Studio.Contracts;
using MyStamp.Studio.Formats;

namespace MyStamp.Studio.Tests;

public class CropGeometryTests
{
    private static readonly StampFormatSize Portrait = StampFormats.Of(StampFormat.SmallPortrait);
    private static readonly StampFormatSize Landscape = StampFormats.Of(StampFormat.Landscape);
    private static readonly StampFormatSize Square = StampFormats.Of(StampFormat.Square);

    [Fact]
    public void The_default_crop_of_a_wide_photo_takes_its_full_height_centred()
    {
        var crop = CropGeometry.Centred(4000, 3000, Portrait);

        Assert.Equal(3000, crop.Height);
        Assert.Equal(2400, crop.Width);              // 3000 × 24/30
        Assert.Equal((4000 - 2400) / 2, crop.X);
        Assert.Equal(0, crop.Y);
    }

    [Fact]
    public void The_default_crop_of_a_tall_photo_takes_its_full_width_centred()
    {
        var crop = CropGeometry.Centred(3000, 4000, Landscape);

        Assert.Equal(3000, crop.Width);
        Assert.Equal(2250, crop.Height);             // 3000 × 30/40
        Assert.Equal(0, crop.X);
        Assert.Equal((4000 - 2250) / 2, crop.Y);
    }

    [Theory]
    [InlineData(4000, 3000)]
    [InlineData(3000, 4000)]
    [InlineData(355, 355)]
    [InlineData(1001, 999)]
    [InlineData(6000, 401)]
    public void Every_default_crop_lies_inside_the_photo_with_the_format_proportions(int width, int height)
    {
        foreach (var format in StampFormats.All.Where(format => CropGeometry.CanPrint(width, height, format)))
        {
            var crop = CropGeometry.Centred(width, height, format);

            Assert.True(CropGeometry.Check(crop, width, height, format).IsEmpty, $"{format.Name} on {width}×{height}: {crop}");
        }
    }

    [Fact]
    public void A_crop_outside_the_photo_is_refused()
    {
        var errors = CropGeometry.Check(new Crop(2000, 0, 2400, 3000), 4000, 3000, Portrait);

        Assert.Contains("inside the photo", errors.ToDictionary()["crop"].Single());
    }

    [Fact]
    public void A_crop_with_other_proportions_than_the_format_is_refused()
    {
        var errors = CropGeometry.Check(new Crop(0, 0, 3000, 3000), 4000, 3000, Portrait);

        Assert.Contains("proportions", errors.ToDictionary()["crop"].Single());
    }

    [Fact]
    public void A_crop_one_pixel_off_the_exact_proportions_is_accepted_as_rounding()
    {
        // 355 × 0.8 = 284 exactly; 285 is one pixel of rounding away.
        Assert.True(CropGeometry.HasAspectOf(new Crop(0, 0, 285, 355), Portrait));
        Assert.False(CropGeometry.HasAspectOf(new Crop(0, 0, 290, 355), Portrait));
    }

    [Fact]
    public void A_crop_too_small_to_print_at_300_DPI_names_the_minimum()
    {
        var errors = CropGeometry.Check(new Crop(0, 0, 200, 200), 4000, 3000, Square);

        Assert.Contains($"{Square.PrintWidthPx} × {Square.PrintHeightPx}", errors.ToDictionary()["crop"].Single());
    }

    [Fact]
    public void A_photo_prints_a_format_only_when_both_sides_reach_its_print_pixels()
    {
        Assert.True(CropGeometry.CanPrint(Landscape.PrintWidthPx, Landscape.PrintHeightPx, Landscape));
        Assert.False(CropGeometry.CanPrint(Landscape.PrintWidthPx - 1, 5000, Landscape));
        Assert.False(CropGeometry.CanPrint(5000, Landscape.PrintHeightPx - 1, Landscape));
    }
}
