using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Quartz;

namespace MyStamp.Retention.Notices;

/// <summary>
/// Delivers the queued erasure notices over SMTP (MailKit) and deletes each delivered row, address and all.
/// Scheduled only when <c>Mail:SmtpHost</c> is set. A failed delivery stays queued for the next run.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class NoticeDeliveryJob(NoticeOutbox outbox, IOptions<MailOptions> options, ILogger<NoticeDeliveryJob> logger) : IJob
{
    public static readonly JobKey Key = new("erasure-notice-delivery", "retention");

    private const int BatchSize = 100;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var mail = options.Value;
        if (mail.SmtpHost is not { Length: > 0 } host)
        {
            return;
        }
        var pending = await outbox.Pending(BatchSize, cancellationToken);
        if (pending.Count == 0)
        {
            return;
        }

        using var smtp = new SmtpClient();
        await smtp.ConnectAsync(host, mail.SmtpPort, SecureSocketOptions.StartTlsWhenAvailable, cancellationToken);
        if (!string.IsNullOrEmpty(mail.UserName))
        {
            await smtp.AuthenticateAsync(mail.UserName, mail.Password ?? "", cancellationToken);
        }
        var sent = 0;
        foreach (var notice in pending)
        {
            try
            {
                await smtp.SendAsync(Compose(mail, notice.Email, notice.EraseOn), cancellationToken);
                await outbox.Delivered(notice.NoticeId, cancellationToken);
                sent++;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The id only: the address is personal data.
                LogFailed(exception, notice.NoticeId);
                await outbox.Failed(notice.NoticeId, cancellationToken);
            }
        }
        await smtp.DisconnectAsync(true, cancellationToken);
        LogSent(sent, pending.Count);
    }

    internal static MimeMessage Compose(MailOptions mail, string email, DateTimeOffset eraseOn)
    {
        var site = mail.SiteUrl.TrimEnd('/');
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(mail.From));
        message.To.Add(MailboxAddress.Parse(email));
        message.Subject = $"Your MyStamp data will be erased on {eraseOn:d MMMM yyyy}";
        message.Body = new TextPart("plain")
        {
            Text = $"""
                Hello,

                Three years after your last order we erase your personal data and your photos, as our privacy
                policy promises. Your data will be erased on {eraseOn:d MMMM yyyy} unless you order again before then.

                Want to keep a copy? Sign in and download your data first:
                {site}/Account/Login?ReturnUrl=%2Fapi%2Fprivacy%2Fexport

                MyStamp
                """,
        };
        return message;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Erasure notice {NoticeId} could not be delivered; it stays queued")]
    private partial void LogFailed(Exception exception, Guid noticeId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivered {Sent} of {Pending} erasure notices")]
    private partial void LogSent(int sent, int pending);
}
