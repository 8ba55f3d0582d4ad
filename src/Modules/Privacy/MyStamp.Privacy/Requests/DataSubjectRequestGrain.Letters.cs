using MyStamp.Mail.Contracts;
using MyStamp.Privacy.Contracts;
using MyStamp.Privacy.Mail;

namespace MyStamp.Privacy.Requests;

/// <summary>
/// The letters a request sends its requester, in the request's language: received, more proof needed, deadline
/// extended, refused, handled. Each is recorded on the request when told and mailed once the state that records it is
/// saved; the workflow (<c>DataSubjectRequestGrain.cs</c>) only says which one, when.
/// </summary>
internal sealed partial class DataSubjectRequestGrain
{
    /// <summary>The answers told during this call, mailed once the state that records them is saved.</summary>
    private readonly List<RequesterMail> _toMail = [];

    private void TellReceived(DateTimeOffset at, RequestType type, DateOnly receivedOn) =>
        Tell(at, new RequesterMail("Received", new Dictionary<string, string>
        {
            ["type"] = RequesterMails.Text($"Type.{type}", MailLanguage),
            ["receivedOn"] = RequesterMails.Date(receivedOn, MailLanguage),
            ["dueBy"] = RequesterMails.Date(DueBy, MailLanguage),
        }));

    private void TellMoreProofNeeded(DateTimeOffset at, string? reason) =>
        Tell(at, new RequesterMail("MoreProof", new Dictionary<string, string> { ["reason"] = reason ?? "" }));

    private void TellExtended(DateTimeOffset at, string? reason) =>
        Tell(at, new RequesterMail("Extended", new Dictionary<string, string> { ["dueBy"] = RequesterMails.Date(DueBy, MailLanguage), ["reason"] = reason ?? "" }));

    private void TellRefused(DateTimeOffset at, RejectionGround ground, string? reason) =>
        Tell(at, new RequesterMail("Refused", new Dictionary<string, string> { ["ground"] = RequesterMails.Text($"Ground.{ground}", MailLanguage), ["reason"] = reason ?? "" }));

    private void TellHandled(DateTimeOffset at, string? reason) =>
        Tell(at, new RequesterMail("Handled", new Dictionary<string, string> { ["outcome"] = OutcomeText(reason) }));

    /// <summary>
    /// Records an answer on the request in the request's language (the admin page shows it, a letter for a request by
    /// post) and mails it after the save. The record greets the requester as the request still knows them: after an
    /// erasure, as "(erased)"; the mail goes to the requester as they were before.
    /// </summary>
    private void Tell(DateTimeOffset at, RequesterMail mail)
    {
        var letter = RequesterMails.Render(RequestId, State.Requester!, MailLanguage, mail);
        State.Messages.Add(new RequesterMessage(at, letter.Subject, letter.Body));
        _toMail.Add(mail);
    }

    private async Task MailAnswers(Requester requester)
    {
        var toMail = _toMail.Select(mail => RequesterMails.Render(RequestId, requester, MailLanguage, mail)).ToList();
        _toMail.Clear();
        await mails.Send(RequestId, requester, toMail);
    }

    private string MailLanguage => MailLanguages.Normalise(State.Language);

    /// <summary>The outcome of a fulfilled request in the requester's language (the state keeps the English record).</summary>
    private string OutcomeText(string? reason) => State.Type switch
    {
        RequestType.Rectification => RequesterMails.Text("Outcome.Rectification", MailLanguage, new Dictionary<string, string> { ["reason"] = reason ?? "" }),
        RequestType.Erasure => RequesterMails.Text("Outcome.Erasure", MailLanguage, new Dictionary<string, string>
        {
            ["date"] = RequesterMails.Date(BrusselsCalendar.DateOf(clock.GetUtcNow()), MailLanguage),
            ["processors"] = string.Join(", ", State.ProcessorsNotified),
        }),
        _ => RequesterMails.Text($"Outcome.{State.Type}", MailLanguage),
    };
}
