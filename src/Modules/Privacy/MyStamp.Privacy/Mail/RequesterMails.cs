using System.Globalization;
using System.Resources;
using Microsoft.Extensions.Logging;
using MyStamp.Mail.Contracts;
using MyStamp.Privacy.Contracts;

namespace MyStamp.Privacy.Mail;

/// <summary>One message to a requester, as a template of <c>Mail/PrivacyMail*.resx</c> and its values.</summary>
internal sealed record RequesterMail(string Template, IReadOnlyDictionary<string, string> Values)
{
    public override string ToString() => $"RequesterMail {{ Template = {Template} }}";
}

/// <summary>
/// Every answer to a data-subject request goes to the requester's e-mail address when they gave one, with or without
/// an account, in the language they asked in. Sealed under the request's own key (the requester may have no
/// account). A request by post without an address to mail keeps its letters on the admin's request page.
/// </summary>
internal sealed partial class RequesterMails(IMailOutbox outbox, ILogger<RequesterMails> logger)
{
    public const string Kind = "privacy-request-answer";

    public static readonly MailTemplates Templates = new(new ResourceManager("MyStamp.Privacy.Mail.PrivacyMail", typeof(RequesterMails).Assembly));

    /// <summary>A text of the templates in a language (request types, rejection grounds, outcomes), with its placeholders filled.</summary>
    public static string Text(string key, string language, IReadOnlyDictionary<string, string>? values = null)
    {
        var text = Templates.Resources.GetString(key, CultureInfo.GetCultureInfo(MailLanguages.Normalise(language)))
            ?? throw new InvalidOperationException($"The privacy mail text {key} is missing.");
        foreach (var (name, value) in values ?? new Dictionary<string, string>())
        {
            text = text.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }
        return text;
    }

    public static string Date(DateOnly date, string language) => date.ToString("d MMMM yyyy", MailLanguages.Culture(language));

    /// <summary>
    /// The answer as the requester reads it, in the request's language: the same text is the e-mail and, for a
    /// request by post without an e-mail address, the letter the admin page shows to send by hand.
    /// </summary>
    public static RenderedMail Render(Guid requestId, Requester requester, string language, RequesterMail mail)
    {
        var values = new Dictionary<string, string>(mail.Values)
        {
            ["name"] = requester.FirstName,
            ["reference"] = requestId.ToString("N")[..8].ToUpperInvariant(),
        };
        return Templates.Render(mail.Template, language, values);
    }

    public async Task Send(Guid requestId, Requester requester, IReadOnlyList<RenderedMail> answers)
    {
        if (string.IsNullOrWhiteSpace(requester.Email) || answers.Count == 0)
        {
            return;
        }
        foreach (var answer in answers)
        {
            try
            {
                await outbox.Enqueue(new OutgoingMail(requestId, Kind, requester.Email, answer));
            }
            catch (Exception exception)
            {
                // The answer is recorded on the request either way (the admin page shows it, to send by hand).
                LogNotQueued(exception, requestId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "An answer to request {RequestId} could not be queued")]
    private partial void LogNotQueued(Exception exception, Guid requestId);
}
