namespace MyStamp.Mail.Contracts;

/// <summary>
/// The one outbox of every e-mail the system sends (<c>mail_outbox</c>). A queued mail holds an address and a
/// text about someone, so it is personal data: sealed under its data subject's key, deleted once delivered, and
/// deleted with the customer's erasure in any case (O7). Delivery is MailKit over SMTP, retried with back-off.
/// </summary>
public interface IMailOutbox
{
    /// <summary>
    /// Queues the mail; delivery starts at once on this node. With a <see cref="OutgoingMail.DeduplicationKey"/>,
    /// queuing the same mail twice queues it once.
    /// </summary>
    Task Enqueue(OutgoingMail mail, CancellationToken cancellationToken = default);

    /// <summary>Mails of one kind still waiting for delivery, oldest first (for an admin page; opening each is the caller's look).</summary>
    Task<IReadOnlyList<QueuedMail>> Pending(string kind, int limit, CancellationToken cancellationToken = default);

    /// <summary>How many mails of a kind wait for delivery.</summary>
    Task<int> CountPending(string kind, CancellationToken cancellationToken = default);

    /// <summary>The absolute link a mail gives for a path of the site (<c>Mail:SiteUrl</c> + <paramref name="pathAndQuery"/>).</summary>
    string LinkTo(string pathAndQuery);
}

/// <summary>One e-mail to send, already rendered in the recipient's language (see <see cref="MailTemplates"/>).</summary>
/// <param name="SubjectId">The data subject whose key seals the mail and whose erasure deletes it (a customer, or a data-subject request's requester).</param>
/// <param name="Kind">What it is, from a fixed list (e.g. <c>verify-email</c>): the only thing logs say about it.</param>
/// <param name="DeduplicationKey">Ids and dates only, never personal data (e.g. <c>erasure-notice:&lt;customer&gt;:2029-05-01</c>).</param>
/// <param name="NotBefore">Deliver no earlier than this (by the node's clock); at once when null.</param>
public sealed record OutgoingMail(Guid SubjectId, string Kind, string To, RenderedMail Content, string? DeduplicationKey = null, DateTimeOffset? NotBefore = null)
{
    /// <summary>Holds an address and a text about someone: never logged.</summary>
    public override string ToString() => $"OutgoingMail {{ SubjectId = {SubjectId}, Kind = {Kind} }}";
}

/// <summary>A waiting mail, opened (the caller shows it only after recording the look).</summary>
public sealed record QueuedMail(Guid MailId, Guid SubjectId, string Kind, string? DeduplicationKey, string To, DateTimeOffset QueuedAt, int Attempts)
{
    public override string ToString() => $"QueuedMail {{ MailId = {MailId}, Kind = {Kind} }}";
}

/// <summary>The subject line and plain-text body of a mail.</summary>
public sealed record RenderedMail(string Subject, string Body)
{
    public override string ToString() => "RenderedMail { redacted }";
}
