using MyStamp.BuildingBlocks.Errors;

namespace MyStamp.Customers.Profile;

/// <summary>
/// Passwords: 10 to 128 characters, not only one repeated character (length beats composition rules;
/// the upper bound keeps hashing cheap for hostile input).
/// </summary>
internal static class PasswordRule
{
    public const int MinLength = 10;
    public const int MaxLength = 128;

    public static string? Validate(string? password, FieldErrors errors)
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
        if (password.Distinct().Count() < 3)
        {
            errors.Add("password", "Use a password that is harder to guess.");
            return null;
        }
        return password;
    }
}
