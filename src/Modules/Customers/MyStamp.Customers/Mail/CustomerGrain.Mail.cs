using Microsoft.Extensions.Logging;
using MyStamp.BuildingBlocks.Errors;
using MyStamp.Customers.Contracts;
using MyStamp.Customers.Mail;
using MyStamp.Customers.Profile;
using MyStamp.Mail.Contracts;

namespace MyStamp.Customers.Accounts;

/// <summary>
/// What a customer is mailed about their account: the link that verifies their address (at registration and after
/// every change of address; until then they may sign in but not order) and the link that resets their password.
/// </summary>
internal sealed partial class CustomerGrain
{
    /// <summary>The stored profile as others see it: with whether its address is verified.</summary>
    private CustomerProfile? ProfileView() =>
        customer.State.Profile is { } profile ? profile with { EmailVerified = !customer.State.EmailAwaitsVerification } : null;

    /// <summary>The language the customer reads their mails in: the one stored with their account.</summary>
    private string MailLanguage() => customer.State.Profile?.Language.Code() ?? MailLanguages.Default;

    public async Task ResendEmailVerification()
    {
        if (customer.State.Profile is null || IsBeingErased)
        {
            throw DomainException.NotFound("The account");
        }
        if (!customer.State.EmailAwaitsVerification)
        {
            throw DomainException.Conflict("Your e-mail address is already verified.");
        }
        await SendVerificationMail();
    }

    public async Task<bool> ConfirmEmail(string emailKey)
    {
        if (customer.State.Profile is not { } profile || IsBeingErased || emailKeys.For(profile.Email) != emailKey)
        {
            // A link mailed to an address the customer has since given up verifies nothing.
            return false;
        }
        if (customer.State.EmailAwaitsVerification)
        {
            customer.State.EmailAwaitsVerification = false;
            await Save();
            LogEmailVerified(CustomerId);
        }
        return true;
    }

    public async Task SendPasswordReset()
    {
        if (customer.State.Profile is not { } profile || IsBeingErased || customer.State.Credentials is null)
        {
            return;
        }
        await mails.SendPasswordReset(profile, emailKeys.For(profile.Email), MailLanguage());
        LogPasswordResetSent(CustomerId);
    }

    public async Task<int> ResetPassword(string token, string newPassword)
    {
        if (customer.State.Profile is not { } profile || IsBeingErased)
        {
            throw InvalidResetLink();
        }
        // The rule first, so that a refused password does not use the link up.
        var errors = new FieldErrors();
        var password = PasswordRule.Validate(newPassword, errors, [profile.FirstName, profile.LastName, profile.Email]);
        if (!errors.IsEmpty)
        {
            // The rule names its field "password"; the reset form and API call it "newPassword".
            throw DomainException.Invalid(errors.ToDictionary().ToDictionary(entry => entry.Key == "password" ? "newPassword" : entry.Key, entry => entry.Value));
        }
        if (await tokens.Redeem(token, TokenPurpose.ResetPassword) is not { } redeemed || redeemed.CustomerId != CustomerId || redeemed.EmailKey != emailKeys.For(profile.Email))
        {
            throw InvalidResetLink();
        }
        await tokens.Revoke(CustomerId, TokenPurpose.ResetPassword);
        customer.State.Credentials = new Credentials { PasswordHash = passwords.Hash(password!) };
        // Whoever knew the old password is signed out everywhere; the link also proves the address is the customer's.
        customer.State.SessionVersion++;
        customer.State.EmailAwaitsVerification = false;
        await Save();
        await sessions.Changed(CustomerId, admin: false, customer.State.SessionVersion);
        LogPasswordReset(CustomerId);
        return customer.State.SessionVersion;
    }

    internal static DomainException InvalidResetLink() =>
        DomainException.Invalid("token", "This link is not valid any more: it was used already or it expired. Ask for a new one.");

    private async Task SendVerificationMail()
    {
        if (customer.State.Profile is { } profile)
        {
            await mails.SendVerification(profile, emailKeys.For(profile.Email), MailLanguage());
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Customer {CustomerId} verified their e-mail address")]
    private partial void LogEmailVerified(Guid customerId);

    [LoggerMessage(Level = LogLevel.Information, Message = "A password reset link was mailed to customer {CustomerId}")]
    private partial void LogPasswordResetSent(Guid customerId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Customer {CustomerId} chose a new password through a reset link; their sessions were ended")]
    private partial void LogPasswordReset(Guid customerId);
}
