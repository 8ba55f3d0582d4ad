using System.Globalization;
using System.Resources;
using MyStamp.Mail.Contracts;
using MyStamp.Retention.Contracts;

namespace MyStamp.Retention.Notices;

/// <summary>
/// The erasure notice, thirty days ahead (O7): written in the customer's language from <c>Notices/RetentionMail</c>
/// and queued in the one mail outbox, sealed under the customer's key, deleted once delivered and with the
/// customer's erasure. One notice per customer and deadline (the outbox's deduplication key).
/// </summary>
internal sealed class NoticeOutbox(IMailOutbox outbox) : IErasureNotices
{
    public const string Kind = "erasure-notice";

    public static readonly MailTemplates Templates = new(new ResourceManager("MyStamp.Retention.Notices.RetentionMail", typeof(NoticeOutbox).Assembly));

    public async Task Enqueue(ErasureNotice notice)
    {
        var language = MailLanguages.Normalise(notice.Language);
        var content = Templates.Render("ErasureNotice", language, new Dictionary<string, string>
        {
            ["date"] = notice.EraseOn.ToString("d MMMM yyyy", MailLanguages.Culture(language)),
            ["link"] = outbox.LinkTo("/Account/Login?ReturnUrl=%2Fapi%2Fprivacy%2Fexport"),
        });
        await outbox.Enqueue(new OutgoingMail(notice.CustomerId, Kind, notice.Email, content, DeduplicationKey(notice.CustomerId, notice.EraseOn)));
    }

    public async Task<IReadOnlyList<PendingNotice>> Pending(int limit, CancellationToken cancellationToken) =>
        (await outbox.Pending(Kind, limit, cancellationToken))
            .Select(mail => new PendingNotice(mail.MailId, mail.SubjectId, mail.To, EraseOnOf(mail.DeduplicationKey), mail.QueuedAt, mail.Attempts))
            .ToList();

    public Task<int> CountPending(CancellationToken cancellationToken) => outbox.CountPending(Kind, cancellationToken);

    private static string DeduplicationKey(Guid customerId, DateTimeOffset eraseOn) =>
        $"{Kind}:{customerId}:{eraseOn.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)}";

    private static DateTimeOffset EraseOnOf(string? deduplicationKey) =>
        deduplicationKey?.Split(':', 3) is [_, _, var at] && DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var eraseOn)
            ? eraseOn.ToUniversalTime()
            : default;
}
