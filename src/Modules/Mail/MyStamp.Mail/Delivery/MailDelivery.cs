using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using MyStamp.Mail.Outbox;

namespace MyStamp.Mail.Delivery;

/// <summary>
/// Sends the outbox over SMTP with MailKit, on every node: at once when this node queued a mail, and every
/// <see cref="MailOptions.PollInterval"/> for the rest (retries, mails other nodes queued). A delivered mail is
/// deleted; a failed one waits longer each time and is given up after <see cref="MailOptions.MaxAttempts"/>.
/// Logs name a mail by id and kind only: its address and text are personal data.
/// </summary>
internal sealed partial class MailDelivery(MailOutbox outbox, MailSignal signal, IOptions<MailOptions> options, ILogger<MailDelivery> logger) : BackgroundService
{
    private const int BatchSize = 50;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var mail = options.Value;
        if (!mail.Enabled)
        {
            LogDisabled();
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await DeliverDue(mail, stoppingToken) == BatchSize)
                {
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The database or the server is away: the mails stay queued for the next pass.
                LogPassFailed(exception);
            }
            try
            {
                await signal.Wait(mail.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One pass: claims due mails, sends them over one connection; returns how many it claimed.</summary>
    internal async Task<int> DeliverDue(MailOptions mail, CancellationToken cancellationToken)
    {
        var due = await outbox.ClaimDue(BatchSize, cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }
        using var smtp = new SmtpClient();
        try
        {
            await smtp.ConnectAsync(mail.SmtpHost!, mail.SmtpPort, SecureSocketOptions.StartTlsWhenAvailable, cancellationToken);
            if (!string.IsNullOrEmpty(mail.UserName))
            {
                await smtp.AuthenticateAsync(mail.UserName, mail.Password ?? "", cancellationToken);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogServerUnreachable(exception, due.Count);
            foreach (var item in due)
            {
                await Failed(item, mail, cancellationToken);
            }
            return due.Count;
        }
        foreach (var item in due)
        {
            try
            {
                await smtp.SendAsync(Compose(mail, item.Envelope), cancellationToken);
                await outbox.Delete(item.MailId, cancellationToken);
                LogDelivered(item.MailId, item.Kind);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(exception, item.MailId, item.Kind);
                await Failed(item, mail, cancellationToken);
            }
        }
        await smtp.DisconnectAsync(true, cancellationToken);
        return due.Count;
    }

    private async Task Failed(DueMail item, MailOptions mail, CancellationToken cancellationToken)
    {
        var attempts = item.Attempts + 1;
        if (attempts >= mail.MaxAttempts)
        {
            LogGivenUp(item.MailId, item.Kind, attempts);
            await outbox.Delete(item.MailId, cancellationToken);
            return;
        }
        await outbox.Postpone(item.MailId, attempts, cancellationToken);
    }

    internal static MimeMessage Compose(MailOptions mail, MailOutbox.Envelope envelope)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(mail.From));
        message.To.Add(MailboxAddress.Parse(envelope.To));
        message.Subject = envelope.Subject;
        message.Body = new TextPart("plain") { Text = envelope.Body };
        return message;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail:SmtpHost is not set: mails wait in the outbox")]
    private partial void LogDisabled();

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail {MailId} ({Kind}) delivered")]
    private partial void LogDelivered(Guid mailId, string kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail {MailId} ({Kind}) could not be delivered; it will be tried again")]
    private partial void LogFailed(Exception exception, Guid mailId, string kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The mail server could not be reached; {Count} mails wait for the next attempt")]
    private partial void LogServerUnreachable(Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Mail {MailId} ({Kind}) given up after {Attempts} attempts and deleted")]
    private partial void LogGivenUp(Guid mailId, string kind, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A mail delivery pass failed; the mails stay queued")]
    private partial void LogPassFailed(Exception exception);
}
