using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MyStamp.Integration.Tests.Infrastructure;

/// <summary>One mail as smtp4dev received it.</summary>
public sealed record ReceivedMail(string Id, string To, string Subject, string Body)
{
    /// <summary>The first link of the mail to <paramref name="path"/> (e.g. <c>/Account/VerifyEmail</c>), as the recipient would click it.</summary>
    public Uri Link(string path)
    {
        var match = Regex.Match(Body, $@"https?://\S+?{Regex.Escape(path)}\S*");
        return match.Success ? new Uri(match.Value) : throw new InvalidOperationException($"The mail \"{Subject}\" holds no link to {path}.");
    }

    /// <summary>The token of the mail's link to <paramref name="path"/>.</summary>
    public string Token(string path) =>
        Regex.Match(Link(path).Query, "token=([A-Za-z0-9_-]+)") is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("The link has no token.");
}

/// <summary>
/// The mail the nodes really delivered: read from the smtp4dev that <c>./mystamp test</c> starts for the run
/// (<c>MYSTAMP_SMTP4DEV_URL</c>; every node mails through it by <c>Mail:SmtpHost</c>), over its HTTP API. Every test
/// address is unique, so a test finds its own mail by recipient.
/// </summary>
public static class MailInbox
{
    private static readonly HttpClient Http = new() { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(30) };

    public static string Url => Environment.GetEnvironmentVariable("MYSTAMP_SMTP4DEV_URL")
        ?? throw new InvalidOperationException("MYSTAMP_SMTP4DEV_URL is not set: run the tests through ./mystamp test, which starts smtp4dev.");

    /// <summary>Every mail delivered to <paramref name="to"/>, oldest first.</summary>
    public static async Task<IReadOnlyList<ReceivedMail>> To(string to)
    {
        var list = await Http.GetFromJsonAsync<JsonElement>($"/api/messages?searchTerms={Uri.EscapeDataString(to)}&pageSize=500");
        var mails = new List<ReceivedMail>();
        foreach (var summary in list.GetProperty("results").EnumerateArray())
        {
            var recipients = summary.GetProperty("to").EnumerateArray().Select(r => r.GetString() ?? "");
            if (!recipients.Any(r => string.Equals(r, to, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }
            var id = summary.GetProperty("id").GetString()!;
            var body = await Http.GetStringAsync($"/api/messages/{id}/plaintext");
            mails.Add(new ReceivedMail(id, to, summary.GetProperty("subject").GetString() ?? "", body));
        }
        mails.Reverse();
        return mails;
    }

    /// <summary>Waits (up to 30 s) until <paramref name="count"/> mails to <paramref name="to"/> that match have arrived; returns the newest.</summary>
    public static async Task<ReceivedMail> WaitFor(string to, Func<ReceivedMail, bool>? matching = null, int count = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var found = (await To(to)).Where(matching ?? (_ => true)).ToList();
            if (found.Count >= count)
            {
                return found[^1];
            }
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"No mail (or fewer than {count}) to {to} arrived in smtp4dev ({Url}).");
            }
            await Task.Delay(150);
        }
    }

    public static bool IsVerification(ReceivedMail mail) => mail.Body.Contains("/Account/VerifyEmail?token=", StringComparison.Ordinal);

    /// <summary>The newest verification mail to <paramref name="to"/>, once <paramref name="count"/> have arrived.</summary>
    public static Task<ReceivedMail> VerificationMail(string to, int count = 1) => WaitFor(to, IsVerification, count);

    /// <summary>The newest password-reset mail to <paramref name="to"/>.</summary>
    public static Task<ReceivedMail> ResetMail(string to, int count = 1) =>
        WaitFor(to, mail => mail.Body.Contains("/Account/ResetPassword?token=", StringComparison.Ordinal), count);
}
