namespace MyStamp.Retention.Notices;

/// <summary>
/// The mail server erasure notices go through, bound from "Mail". Without <see cref="SmtpHost"/> nothing is
/// sent: notices wait in the outbox (Development's admin console lists them).
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary>The SMTP server; empty means no delivery.</summary>
    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 25;

    /// <summary>Sign in to the server with these when given.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender of the notices.</summary>
    public string From { get; set; } = "MyStamp <privacy@mystamp.local>";

    /// <summary>Where the links in the notice point to.</summary>
    public string SiteUrl { get; set; } = "http://127.0.0.1:5080";

    public bool Enabled => !string.IsNullOrWhiteSpace(SmtpHost);
}
