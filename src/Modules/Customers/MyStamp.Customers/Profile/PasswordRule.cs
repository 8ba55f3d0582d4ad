using MyStamp.BuildingBlocks.Errors;

namespace MyStamp.Customers.Profile;

/// <summary>
/// Passwords: 10 to 128 characters (the upper bound keeps hashing cheap for hostile input), and hard enough to
/// guess by zxcvbn's estimate, which knows common passwords, dictionary words, names, dates, keyboard walks and
/// l33t spellings: "password1234" has the length and is among the first guesses of any attacker. The
/// customer's own name and e-mail address count as guessed (zxcvbn's user inputs), and a password holding
/// either is refused with its own message.
/// </summary>
internal static class PasswordRule
{
    public const int MinLength = 10;
    public const int MaxLength = 128;

    /// <summary>
    /// zxcvbn's score from 0 (guessed at once) to 4; 2 and up resist an online attack by a wide margin, and
    /// with the lock-out after five wrong attempts that is the attack a sign-in faces.
    /// </summary>
    public const int MinScore = 2;

    public const string TooEasyMessage = "This password is too easy to guess: use a longer phrase of unrelated words, not a common password, name, date or keyboard pattern.";
    public const string PersonalMessage = "Do not use your name or e-mail address in your password.";

    /// <param name="personal">What the holder's password must not be built from: their names and e-mail address.</param>
    public static string? Validate(string? password, FieldErrors errors, IEnumerable<string?>? personal = null)
    {
        if (string.IsNullOrEmpty(password))
        {
            errors.Add("password", "Choose a password.");
            return null;
        }
        if (password.Length < MinLength)
        {
            errors.Add("password", $"Use at least {MinLength} characters.");
            return null;
        }
        if (password.Length > MaxLength)
        {
            errors.Add("password", $"Use at most {MaxLength} characters.");
            return null;
        }
        var inputs = PersonalInputs(personal);
        if (inputs.Any(input => input.Length >= 3 && password.Contains(input, StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add("password", PersonalMessage);
            return null;
        }
        if (Zxcvbn.Zxcvbn.MatchPassword(password, inputs).Score < MinScore)
        {
            errors.Add("password", TooEasyMessage);
            return null;
        }
        return password;
    }

    /// <summary>The values as given, and an e-mail address also as its part before the @.</summary>
    private static List<string> PersonalInputs(IEnumerable<string?>? personal)
    {
        var inputs = new List<string>();
        foreach (var value in personal ?? [])
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }
            var trimmed = value.Trim();
            inputs.Add(trimmed);
            var at = trimmed.IndexOf('@');
            if (at > 0)
            {
                inputs.Add(trimmed[..at]);
            }
        }
        return inputs;
    }
}
