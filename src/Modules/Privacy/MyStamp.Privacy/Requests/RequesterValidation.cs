using System.Net.Mail;
using MyStamp.BuildingBlocks.Errors;
using MyStamp.Mail.Contracts;
using MyStamp.Privacy.Contracts;

namespace MyStamp.Privacy.Requests;

/// <summary>The shape of a new request: full contact details (O9), nothing more than needed.</summary>
internal static class RequesterValidation
{
    public const int MaxNameLength = 100;
    public const int MaxAddressLength = 500;
    public const int MaxDetailsLength = 4000;

    public static void Validate(SubmitDataSubjectRequest command, DateOnly today)
    {
        var errors = new FieldErrors();
        var requester = command.Requester;
        Required(errors, "firstName", requester.FirstName, MaxNameLength, "Give your first name.");
        Required(errors, "lastName", requester.LastName, MaxNameLength, "Give your last name.");
        if (!string.IsNullOrWhiteSpace(requester.Email) && !IsEmail(requester.Email))
        {
            errors.Add("email", "Give a valid e-mail address.");
        }
        if (requester.Address is { Length: > MaxAddressLength })
        {
            errors.Add("address", $"Keep the address under {MaxAddressLength} characters.");
        }
        if (command.Details is { Length: > MaxDetailsLength })
        {
            errors.Add("details", $"Keep the details under {MaxDetailsLength} characters.");
        }
        if (command.Language is { } language && !MailLanguages.All.Contains(language.Split('-', '_')[0].Trim().ToLowerInvariant()))
        {
            errors.Add("language", "Choose the requester's language: nl, fr, de or en.");
        }
        if (!Enum.IsDefined(command.Type))
        {
            errors.Add("type", "Choose the kind of request.");
        }
        switch (command.Channel)
        {
            case RequestChannel.WebForm:
                if (string.IsNullOrWhiteSpace(requester.Email))
                {
                    errors.Add("email", "Give your e-mail address, so that we can answer.");
                }
                if (command.RecordedBy is not null || command.ReceivedOn is not null)
                {
                    errors.Add("channel", "Only postal requests are recorded by an admin.");
                }
                if (command.CustomerId is null && command.IdentityDocument is null)
                {
                    errors.Add("idDocument", "Add a copy of the front of your identity card or driving licence with the photo and the national register (or card) number blacked out, or sign in to ask about your own account.");
                }
                break;
            case RequestChannel.Post:
                if (command.RecordedBy is null)
                {
                    errors.Add("channel", "A postal request is recorded by an admin.");
                }
                if (string.IsNullOrWhiteSpace(requester.Email) && string.IsNullOrWhiteSpace(requester.Address))
                {
                    errors.Add("address", "Give the postal address or the e-mail address to answer to.");
                }
                if (command.ReceivedOn is { } receivedOn && (receivedOn > today || receivedOn < today.AddYears(-1)))
                {
                    errors.Add("receivedOn", "Give the day the letter arrived: not in the future, and within the last year.");
                }
                break;
            default:
                errors.Add("channel", "Unknown channel.");
                break;
        }
        errors.ThrowIfAny();
    }

    private static void Required(FieldErrors errors, string field, string? value, int maxLength, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, message);
        }
        else if (value.Length > maxLength)
        {
            errors.Add(field, $"Keep it under {maxLength} characters.");
        }
    }

    private static bool IsEmail(string value) =>
        value.Length <= 254 && !value.Any(char.IsWhiteSpace) && MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);
}
