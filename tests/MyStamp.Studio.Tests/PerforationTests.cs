using MyStamp.Studio.Preview;

namespace MyStamp.Studio.Tests;

public class PerforationTests
{
    private readonly Perforation _stamp = new(width: 360, height: 432, pitch: 19.2, holeRadius: 6);

    [Fact]
    public void Holes_are_evenly_spaced_and_include_both_corners()
    {
        var holes = _stamp.HolesAlongWidth;

        Assert.Equal(0, holes[0]);
        Assert.Equal(360, holes[^1], precision: 6);
        var gaps = holes.Zip(holes.Skip(1), (a, b) => b - a).ToList();
        Assert.All(gaps, gap => Assert.Equal(gaps[0], gap, precision: 6));
        Assert.InRange(gaps[0], 19.2 * 0.9, 19.2 * 1.1);
    }

    [Fact]
    public void The_pitch_adapts_so_each_edge_holds_a_whole_number_of_holes()
    {
        var holes = _stamp.HolesAlongHeight;

        Assert.Equal(432, holes[^1], precision: 6);
        Assert.Equal(holes.Count - 1, Math.Round(432 / (holes[1] - holes[0])));
    }

    [Fact]
    public void A_hole_centre_on_the_edge_is_cut_away_and_the_paper_between_holes_stays()
    {
        var holes = _stamp.HolesAlongWidth;
        var hole = (int)holes[3];
        var between = (int)((holes[3] + holes[4]) / 2);

        Assert.Equal(0, _stamp.PaperCoverage(hole, 0));
        Assert.Equal(1, _stamp.PaperCoverage(between, 0));
    }

    [Fact]
    public void The_corners_are_bitten_off()
    {
        Assert.Equal(0, _stamp.PaperCoverage(0, 0));
        Assert.Equal(0, _stamp.PaperCoverage(359, 431));
        Assert.Equal(0, _stamp.PaperCoverage(359, 0));
        Assert.Equal(0, _stamp.PaperCoverage(0, 431));
    }

    [Fact]
    public void The_inside_of_the_stamp_is_paper_and_outside_is_not()
    {
        Assert.Equal(1, _stamp.PaperCoverage(180, 216));
        Assert.Equal(1, _stamp.PaperCoverage(180, 10));
        Assert.Equal(0, _stamp.PaperCoverage(-1, 216));
        Assert.Equal(0, _stamp.PaperCoverage(360, 216));
    }

    [Fact]
    public void The_scallops_are_symmetric()
    {
        for (var x = 0; x < 360; x += 7)
        {
            for (var y = 0; y < 12; y++)
            {
                Assert.Equal(_stamp.PaperCoverage(x, y), _stamp.PaperCoverage(359 - x, 431 - y), precision: 6);
            }
        }
    }

    [Fact]
    public void The_hole_edge_is_softened_over_about_one_pixel()
    {
        var holes = _stamp.HolesAlongWidth;
        var column = (int)holes[5];
        var coverages = Enumerable.Range(0, 10).Select(y => _stamp.PaperCoverage(column, y)).ToList();

        Assert.Contains(coverages, coverage => coverage is > 0 and < 1);
        Assert.Equal(coverages.Order().ToList(), coverages);
    }

    [Fact]
    public void Holes_wider_than_half_the_pitch_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Perforation(100, 100, pitch: 10, holeRadius: 5));
    }
}
