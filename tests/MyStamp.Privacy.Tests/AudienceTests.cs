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
}
