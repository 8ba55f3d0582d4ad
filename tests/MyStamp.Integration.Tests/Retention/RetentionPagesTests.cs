using System.Globalization;
using MyStamp.Retention.Contracts;
using MyStamp.Integration.Tests.Infrastructure;

namespace MyStamp.Integration.Tests.Retention;

/// <summary>What the customer sees of their retention (O7): the date on the profile page, and a notice on every page in the last thirty days.</summary>
public sealed class RetentionPagesTests
{
    [Fact]
    public async Task The_profile_says_when_the_data_will_be_erased_and_every_page_warns_in_the_last_thirty_days()
    {
        // O7
        await using var world = await RetentionWorld.Create("pages");
        var (account, client) = await world.SignedInCustomer();
        var deadline = RetentionPeriod.DeadlineAfter(world.Clock.GetUtcNow());
        var date = deadline.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

        var profile = await client.GetStringAsync("/Account/Profile");
        Assert.Contains($"Your data will be erased on <strong>{date}</strong> unless you order again", profile);
        Assert.DoesNotContain("data-testid=\"erasure-notice\"", profile);

        await world.AdvanceTo(RetentionPeriod.NoticeAt(deadline) + TimeSpan.FromHours(1));
        using var later = await world.Node.Login(account);
        var home = await later.GetStringAsync("/");
        Assert.Contains("data-testid=\"erasure-notice\"", home);
        Assert.Contains(date, home);
        Assert.Contains("/api/privacy/export", home);
    }
}
