namespace MyStamp.Web.Account;

/// <summary>
/// How a form shows a field's errors, the same on every page: the messages joined, under an id the field names in
/// its <c>aria-describedby</c>, and <c>aria-invalid="true"</c> on the field while it has one.
/// </summary>
public static class FieldErrorText
{
    public static string? For(IReadOnlyDictionary<string, string[]> errors, string field) =>
        errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    /// <summary>"address.postalCode" → "error-address-postalCode".</summary>
    public static string Id(string field) => "error-" + field.Replace('.', '-');

    public static string? Invalid(IReadOnlyDictionary<string, string[]> errors, string field) =>
        errors.ContainsKey(field) ? "true" : null;
}
