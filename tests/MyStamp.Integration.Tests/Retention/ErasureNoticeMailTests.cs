using MyStamp.Customers.Contracts;
using MyStamp.Retention.Contracts;

namespace MyStamp.Integration.Tests.Retention;

/// <summary>The thirty-day notice leaves the mail outbox by SMTP as soon as it is queued, and the address leaves with it (O7).</summary>
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
            });
        // This node mails to the stub, not to the run's smtp4dev: the customer stays unverified, which retention ignores.
        var account = await world.Node.RegisterUnverified(Accounts.ConsumerRegistration());
        var deadline = RetentionPeriod.DeadlineAfter(world.Clock.GetUtcNow());

        await world.AdvanceTo(RetentionPeriod.NoticeAt(deadline) + TimeSpan.FromMinutes(1));
        await RetentionWorld.Eventually(() => Task.FromResult(Received(smtp).Count > 1), "the notice is delivered after the verification mail");

        var mail = Received(smtp)[^1];
        Assert.Contains(account.Email, mail, StringComparison.OrdinalIgnoreCase);
        // In the language stored with the account, with the date as Belgians write it in that language.
        var language = (await world.Grains.GetGrain<ICustomerGrain>(account.CustomerId).GetProfile())!.Language.Code();
        Assert.Contains(deadline.ToString("d MMMM yyyy", MyStamp.Mail.Contracts.MailLanguages.Culture(language)), mail);
        await RetentionWorld.Eventually(async () => (await world.Report.PendingNotices(10)).Count == 0, "the delivered notice leaves the outbox");
    }

    /// <summary>The mails the stub received, as the recipient reads them (the wire form may be quoted-printable).</summary>
    private static List<string> Received(SmtpStub smtp)
    {
        lock (smtp.Messages)
        {
            return smtp.Messages
                .Select(raw => MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(raw))))
                .Select(message => string.Join("\n", message.To.ToString(), message.Subject, message.TextBody))
                .ToList();
        }
    }
}
