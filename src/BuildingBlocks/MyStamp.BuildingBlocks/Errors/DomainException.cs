namespace MyStamp.BuildingBlocks.Errors;

/// <summary>What kind of rule a request broke; the web edge maps each kind to one HTTP status.</summary>
public enum DomainErrorKind
{
    /// <summary>The input is malformed or breaks a rule about its shape (400).</summary>
    Validation = 0,
    /// <summary>The thing does not exist, or the caller may not know it exists (404).</summary>
    NotFound = 1,
    /// <summary>The request is well formed but the current state forbids it (409).</summary>
    Conflict = 2,
    /// <summary>The caller is known but not allowed to do this (403).</summary>
    Forbidden = 3,
    /// <summary>The file type is not accepted (415).</summary>
    UnsupportedMediaType = 4,
    /// <summary>The payload is larger than allowed (413).</summary>
    PayloadTooLarge = 5,
}

/// <summary>
/// A broken business rule, raised by a module and turned into RFC 7807 problem details in one place at
/// the web edge. The message is shown to users: it must never contain personal data.
/// </summary>
[GenerateSerializer]
[Alias("mystamp.errors.domain-exception")]
public sealed class DomainException : Exception
{
    public DomainException(DomainErrorKind kind, string title, IReadOnlyDictionary<string, string[]>? fieldErrors = null)
        : base(title)
    {
        Kind = kind;
        Title = title;
        FieldErrors = fieldErrors ?? new Dictionary<string, string[]>();
    }

    [Id(0)] public DomainErrorKind Kind { get; }
    [Id(1)] public string Title { get; }
    /// <summary>Errors keyed by the (camelCase) name of the field the user has to fix.</summary>
    [Id(2)] public IReadOnlyDictionary<string, string[]> FieldErrors { get; }

    public static DomainException NotFound(string what) => new(DomainErrorKind.NotFound, $"{what} was not found.");
    public static DomainException Conflict(string title) => new(DomainErrorKind.Conflict, title);
    public static DomainException Forbidden(string title) => new(DomainErrorKind.Forbidden, title);

    public static DomainException Invalid(string field, string message) =>
        new(DomainErrorKind.Validation, "One or more fields are not valid.", new Dictionary<string, string[]> { [field] = [message] });

    public static DomainException Invalid(IReadOnlyDictionary<string, string[]> fieldErrors) =>
        new(DomainErrorKind.Validation, "One or more fields are not valid.", fieldErrors);
}
