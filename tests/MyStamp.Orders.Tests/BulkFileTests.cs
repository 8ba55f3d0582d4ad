using System.Text;
using MyStamp.BuildingBlocks.Errors;
using MyStamp.Orders.BulkOrders;
using MyStamp.Orders.Contracts;

namespace MyStamp.Orders.Tests;

public class BulkFileTests
{
    private const string Header = "designId,tariff,sheets,street,houseNumber,box,postalCode,city,country";
    private static readonly Guid Design = Guid.Parse("0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");

    private static byte[] File(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n");

    [Fact]
    public void Every_line_of_a_good_file_becomes_an_order_line()
    {
        var lines = BulkOrderCsv.Parse(File(
            Header,
            $"{Design},BelgiumNonPrior,20,Rue Neuve,1,,1000,Brussels,BE",
            $"{Design},World,10000,Main Street,5,3B,10001,New York,US"));

        Assert.Equal(2, lines.Count);
        Assert.All(lines, line => Assert.True(line.IsValid, line.Error));
        Assert.Equal([2, 3], lines.Select(line => line.Line));
        Assert.Equal(Tariff.World, lines[1].Tariff);
        Assert.Equal(10_000, lines[1].Sheets);
        Assert.Null(lines[0].Address!.Box);
        Assert.Equal("3B", lines[1].Address!.Box);
    }

    [Fact]
    public void A_bad_line_is_reported_by_its_line_number_and_the_others_still_count()
    {
        var lines = BulkOrderCsv.Parse(File(
            Header,
            $"{Design},Europe,2,Kerkstraat,1,,9000,Gent,BE",
            $"not-a-design,Mars,0,Kerkstraat,1,,9000,Gent,BE",
            $"{Design},Europe,10001,,1,,9000,Gent,BE",
            $"{Design},BelgiumPrior,3,Kerkstraat,2,,9000,Gent,BE"));

        Assert.Equal(4, lines.Count);
        Assert.True(lines[0].IsValid);
        Assert.Equal(3, lines[1].Line);
        Assert.Contains("designId", lines[1].Error);
        Assert.Contains("tariff", lines[1].Error);
        Assert.Contains("sheets", lines[1].Error);
        Assert.Equal(4, lines[2].Line);
        Assert.Contains("sheets", lines[2].Error);
        Assert.Contains("street", lines[2].Error);
        Assert.True(lines[3].IsValid);
    }

    [Fact]
    public void Each_problem_of_a_line_is_kept_with_its_column_so_that_it_can_be_told_in_the_readers_language()
    {
        var lines = BulkOrderCsv.Parse(File(Header, $"not-a-design,Mars,0,,1,,9000,Gent,BE"));

        var problems = Assert.Single(lines).Problems;
        Assert.Equal(["designId", "tariff", "sheets", "street"], problems.Select(problem => problem.Column));
        Assert.Equal("Not a design id.", problems[0].Message);
        Assert.Equal("A whole number from 1 to 10000.", problems[2].Message);
        Assert.Equal("Required.", problems[3].Message);
    }

    [Fact]
    public void Line_errors_never_repeat_what_the_line_says()
    {
        var street = new string('x', 250);
        var lines = BulkOrderCsv.Parse(File(Header, $"{Design},Europe,two,{street},1,,9000,Secretville,BE"));

        Assert.False(lines[0].IsValid);
        Assert.DoesNotContain(street, lines[0].Error);
        Assert.DoesNotContain("two", lines[0].Error);
        Assert.DoesNotContain("Secretville", lines[0].Error);
    }

    [Fact]
    public void Semicolons_any_column_order_and_any_header_case_are_read()
    {
        var lines = BulkOrderCsv.Parse(File(
            "Country;City;Postal code;Box;House number;Street;Sheets;Tariff;Design ID",
            $"BE;Gent;9000;;1;Kerkstraat;4;belgium-non-prior;{Design}"));

        var line = Assert.Single(lines);
        Assert.True(line.IsValid, line.Error);
        Assert.Equal(Tariff.BelgiumNonPrior, line.Tariff);
        Assert.Equal(4, line.Sheets);
        Assert.Equal("Gent", line.Address!.City);
    }

    [Fact]
    public void A_file_without_the_expected_columns_is_refused_whole()
    {
        var refused = Assert.Throws<DomainException>(() => BulkOrderCsv.Parse(File("design,count", $"{Design},3")));

        Assert.Equal(DomainErrorKind.Validation, refused.Kind);
        Assert.Contains("file", refused.FieldErrors.Keys);
    }

    [Fact]
    public void An_empty_file_or_a_header_alone_is_refused()
    {
        Assert.Throws<DomainException>(() => BulkOrderCsv.Parse([]));
        Assert.Throws<DomainException>(() => BulkOrderCsv.Parse(File(Header)));
    }

    [Fact]
    public void Ten_thousand_lines_are_read_and_one_more_is_refused()
    {
        var line = $"{Design},Europe,1,Kerkstraat,1,,9000,Gent,BE";
        var full = File([Header, .. Enumerable.Repeat(line, BulkOrderCsv.MaxLines)]);
        var tooMany = File([Header, .. Enumerable.Repeat(line, BulkOrderCsv.MaxLines + 1)]);

        Assert.Equal(BulkOrderCsv.MaxLines, BulkOrderCsv.Parse(full).Count);
        Assert.Throws<DomainException>(() => BulkOrderCsv.Parse(tooMany));
    }

    [Fact]
    public void A_short_line_is_a_line_error()
    {
        var lines = BulkOrderCsv.Parse(File(
            Header,
            $"{Design},Europe,1,Kerkstraat",
            $"{Design},Europe,1,Kerkstraat,1,,9000,Gent,BE"));

        Assert.False(lines[0].IsValid);
        Assert.Contains("postalCode", lines[0].Error);
        Assert.True(lines[1].IsValid, lines[1].Error);
    }

    [Fact]
    public void Each_line_gets_its_own_order_id_and_the_same_one_every_time()
    {
        var bulk = Guid.CreateVersion7();

        var first = BulkOrderGrain.LineOrderId(bulk, 2);

        Assert.Equal(first, BulkOrderGrain.LineOrderId(bulk, 2));
        Assert.NotEqual(first, BulkOrderGrain.LineOrderId(bulk, 3));
        Assert.NotEqual(first, BulkOrderGrain.LineOrderId(Guid.CreateVersion7(), 2));
        Assert.Equal(8, first.Version);
    }
}
