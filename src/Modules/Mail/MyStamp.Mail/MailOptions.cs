using System.ComponentModel.DataAnnotations;

namespace MyStamp.Mail;

/// <summary>
/// The mail server every e-mail goes through, bound from "Mail" and validated at start-up. Without
/// <see cref="SmtpHost"/> nothing is sent: mails wait in the outbox (<c>./mystamp run</c> and <c>./mystamp test</c>
/// always point it at a local smtp4dev).
/// </summary>
public sealed class MailOptions : IValidatableObject
{
    public const string Section = "Mail";

    /// <summary>The SMTP server; empty means no delivery.</summary>
    [MaxLength(253)]
    public string? SmtpHost { get; set; }

    [Range(1, 65535)]
    public int SmtpPort { get; set; } = 25;

    /// <summary>Sign in to the server with these when given.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender of every mail.</summary>
    [Required]
    public string From { get; set; } = "MyStamp <no-reply@mystamp.local>";

    /// <summary>Where the links in a mail point to (the shop's public address).</summary>
    [Required]
    public string SiteUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>How often a node looks for mails due for (another) attempt, besides the ones it queues itself.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Attempts before a mail is given up (and deleted: it holds personal data); the waits double from 30 s up to 6 h.</summary>
    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 12;

    public bool Enabled => !string.IsNullOrWhiteSpace(SmtpHost);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!MimeKit.MailboxAddress.TryParse(From, out _))
        {
            yield return new ValidationResult($"{Section}:From must be a mail address.", [nameof(From)]);
        }
        if (!Uri.TryCreate(SiteUrl, UriKind.Absolute, out var site) || site.Scheme is not ("http" or "https"))
        {
            yield return new ValidationResult($"{Section}:SiteUrl must be an absolute http(s) URL.", [nameof(SiteUrl)]);
        }
        if (!string.IsNullOrEmpty(UserName) && string.IsNullOrEmpty(Password))
        {
            yield return new ValidationResult($"{Section}:Password is required with {Section}:UserName.", [nameof(Password)]);
        }
    }
}
