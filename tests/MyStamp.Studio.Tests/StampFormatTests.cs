using MyStamp.Studio.Contracts;

namespace MyStamp.Studio.Tests;

public class StampFormatTests
{
    [Theory]
    [InlineData(25.4, 300, 300)]
    [InlineData(24, 300, 284)]   // 283.46 px: rounded up, so the print never falls below 300 DPI
    [InlineData(30, 300, 355)]   // 354.33 px
    [InlineData(40, 300, 473)]   // 472.44 px
    [InlineData(50.8, 300, 600)] // exactly two inches: no extra pixel from floating-point noise
    public void Print_pixels_are_the_millimetres_at_300_DPI_rounded_up(double mm, int dpi, int expected)
    {
        Assert.Equal(expected, StampFormatSize.PixelsAt(mm, dpi));
    }

    [Fact]
    public void Every_format_has_enough_pixels_for_300_DPI_in_both_directions()
    {
        foreach (var size in StampFormats.All)
        {
            Assert.True(size.PrintWidthPx / (size.PictureWidthMm / 25.4) >= StampFormatSize.PrintDpi, size.Name);
            Assert.True(size.PrintHeightPx / (size.PictureHeightMm / 25.4) >= StampFormatSize.PrintDpi, size.Name);
            Assert.True((size.PrintWidthPx - 1) / (size.PictureWidthMm / 25.4) < StampFormatSize.PrintDpi, $"{size.Name} asks for more pixels than it needs");
        }
    }

    [Fact]
    public void The_studio_offers_a_small_portrait_a_landscape_and_a_square_format()
    {
        Assert.True(StampFormats.Of(StampFormat.SmallPortrait).AspectRatio < 1);
        Assert.True(StampFormats.Of(StampFormat.Landscape).AspectRatio > 1);
        Assert.Equal(1, StampFormats.Of(StampFormat.Square).AspectRatio);
        Assert.Equal(Enum.GetValues<StampFormat>().Length, StampFormats.All.Select(size => size.Format).Distinct().Count());
    }

    [Fact]
    public void A_stamp_is_its_picture_plus_the_margin_on_each_side()
    {
        var portrait = StampFormats.Of(StampFormat.SmallPortrait);

        Assert.Equal(portrait.PictureWidthMm + 2 * portrait.MarginMm, portrait.StampWidthMm);
        Assert.Equal(portrait.PictureHeightMm + 2 * portrait.MarginMm, portrait.StampHeightMm);
    }
}
