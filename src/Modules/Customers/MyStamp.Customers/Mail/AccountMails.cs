using System.Resources;
using MyStamp.Customers.Contracts;
using MyStamp.Mail.Contracts;

namespace MyStamp.Customers.Mail;

/// <summary>
/// The mails of the Customers module (templates in <c>Mail/CustomerMail*.resx</c>): the link that verifies an
/// address, and the link that resets a password. Each link carries a random token only.
/// </summary>
internal sealed class AccountMails(IMailOutbox outbox, AccountTokens tokens)
{
    public const string VerifyEmailKind = "verify-email";
    public const string PasswordResetKind = "password-reset";

    public static readonly MailTemplates Templates = new(new ResourceManager("MyStamp.Customers.Mail.CustomerMail", typeof(AccountMails).Assembly));

    public async Task SendVerification(CustomerProfile profile, string emailKey, string language)
    {
        var token = await tokens.Issue(profile.CustomerId, TokenPurpose.VerifyEmail, emailKey);
        await Send(profile, VerifyEmailKind, "VerifyEmail", language, outbox.LinkTo($"/Account/VerifyEmail?token={token}"));
    }

    public async Task SendPasswordReset(CustomerProfile profile, string emailKey, string language)
    {
        var token = await tokens.Issue(profile.CustomerId, TokenPurpose.ResetPassword, emailKey);
        await Send(profile, PasswordResetKind, "PasswordReset", language, outbox.LinkTo($"/Account/ResetPassword?token={token}"));
    }

    private Task Send(CustomerProfile profile, string kind, string template, string language, string link)
    {
        var content = Templates.Render(template, language, new Dictionary<string, string> { ["firstName"] = profile.FirstName, ["link"] = link });
        return outbox.Enqueue(new OutgoingMail(profile.CustomerId, kind, profile.Email, content));
    }
}
