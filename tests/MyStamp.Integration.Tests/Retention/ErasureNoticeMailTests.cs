using MyStamp.BuildingBlocks.Retention;

namespace MyStamp.Integration.Tests.Retention;

/// <summary>The thirty-day notice leaves the outbox by SMTP when a mail server is configured, and the address leaves with it (O7).</summary>
public sealed class ErasureNoticeMailTests
{
    [Fact]
    public async Task The_notice_is_mailed_thirty_days_ahead_and_deleted_from_the_outbox_once_delivered()
    {
        // O7
        await using var smtp = new SmtpStub();
        await using var world = await RetentionWorld.Create("mail", settings:
            new Dictionary<string, string?>
            {
                ["Mail:SmtpHost"] = "127.0.0.1",
                ["Mail:SmtpPort"] = smtp.Port.ToString(),
                ["Retention:NoticeDeliverySchedule"] = "0 * * * * ?",
            });
        var (account, _) = await world.SignedInCustomer();
        var deadline = RetentionPeriod.DeadlineAfter(world.Clock.GetUtcNow());

        await world.AdvanceTo(RetentionPeriod.NoticeAt(deadline) + TimeSpan.FromMinutes(1));
        // Quartz runs on the same fake clock: let it reach the next minute a few times.
        for (var minute = 0; minute < 30 && smtp.Messages.Count == 0; minute++)
        {
            await world.Advance(TimeSpan.FromMinutes(1));
        }
        await RetentionWorld.Eventually(() => Task.FromResult(smtp.Messages.Count > 0), "the notice is delivered");

        var mail = smtp.Messages.Single();
        Assert.Contains(account.Email, mail, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(deadline.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture), mail);
        await RetentionWorld.Eventually(async () => (await world.Report.PendingNotices(10)).Count == 0, "the delivered notice leaves the outbox");
    }
}
