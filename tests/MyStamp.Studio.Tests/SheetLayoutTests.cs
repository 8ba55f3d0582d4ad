using MyStamp.Studio.Contracts;
using MyStamp.Studio.Sheets;

namespace MyStamp.Studio.Tests;

public class SheetLayoutTests
{
    [Theory]
    [InlineData(StampFormat.SmallPortrait)]
    [InlineData(StampFormat.Landscape)]
    [InlineData(StampFormat.Square)]
    public void Ten_stamps_fit_on_the_page_without_touching(StampFormat format)
    {
        var layout = new SheetLayout(StampFormats.Of(format));

        Assert.Equal(10, layout.Stamps.Count);
        Assert.All(layout.Stamps, stamp =>
        {
            Assert.InRange(stamp.X, 0, SheetLayout.PageWidthMm);
            Assert.InRange(stamp.Right, 0, SheetLayout.PageWidthMm);
            Assert.InRange(stamp.Bottom, 0, SheetLayout.PageHeightMm);
        });
        foreach (var (a, i) in layout.Stamps.Select((stamp, i) => (stamp, i)))
        {
            foreach (var b in layout.Stamps.Skip(i + 1))
            {
                Assert.False(a.X < b.Right && b.X < a.Right && a.Y < b.Bottom && b.Y < a.Bottom, $"{a} overlaps {b}");
            }
        }
    }

    [Fact]
    public void Each_picture_sits_inside_its_stamp_at_the_printed_size()
    {
        var format = StampFormats.Of(StampFormat.Landscape);
        var layout = new SheetLayout(format);

        foreach (var (stamp, picture) in layout.Stamps.Zip(layout.Pictures))
        {
            Assert.Equal(format.PictureWidthMm, picture.Width);
            Assert.Equal(format.PictureHeightMm, picture.Height);
            Assert.Equal(stamp.X + format.MarginMm, picture.X, precision: 9);
            Assert.Equal(stamp.Bottom - format.MarginMm, picture.Bottom, precision: 9);
        }
    }

    [Fact]
    public void Crop_marks_point_away_from_every_stamp_and_never_cross_one()
    {
        var layout = new SheetLayout(StampFormats.Of(StampFormat.SmallPortrait));

        Assert.Equal(8 * layout.Stamps.Count, layout.CropMarks.Count);
        foreach (var mark in layout.CropMarks)
        {
            foreach (var stamp in layout.Stamps)
            {
                var midX = (mark.X1 + mark.X2) / 2;
                var midY = (mark.Y1 + mark.Y2) / 2;
                Assert.False(midX > stamp.X && midX < stamp.Right && midY > stamp.Y && midY < stamp.Bottom, $"{mark} lies on {stamp}");
            }
        }
    }

    [Fact]
    public void Crop_marks_line_up_with_the_stamp_edges()
    {
        var layout = new SheetLayout(StampFormats.Of(StampFormat.Square));
        var first = layout.Stamps[0];

        Assert.Contains(layout.CropMarks, mark => mark.Y1 == first.Y && mark.Y2 == first.Y && mark.X2 < first.X);
        Assert.Contains(layout.CropMarks, mark => mark.X1 == first.Right && mark.X2 == first.Right && mark.Y2 > first.Bottom);
    }
}
