using Microsoft.AspNetCore.Mvc.ModelBinding;
using MyStamp.BuildingBlocks.Errors;
using MyStamp.Web.Languages;

namespace MyStamp.Web.Errors;

/// <summary>
/// The one way a Razor page shows a command the module refused: the <see cref="DomainException"/> in the reader's
/// language, as messages per field (keyed by the API's field names, e.g. <c>address.postalCode</c>) and a summary for
/// the form as a whole. The API turns the same exception into problem details (<see cref="DomainExceptionHandler"/>).
/// </summary>
public sealed record FormErrors(string Summary, IReadOnlyDictionary<string, string[]> Fields)
{
    public static FormErrors From(DomainException failure, DomainText text) =>
        new(text.Title(failure), text.FieldErrors(failure));

    /// <summary>
    /// For a page that shows one message: what is wrong with the fields when the module named any (the generic "fields
    /// are not valid" title would add nothing), otherwise the summary.
    /// </summary>
    public string OneLine => Fields.Count > 0 ? string.Join(" ", Fields.Values.SelectMany(messages => messages)) : Summary;

    /// <summary>
    /// For a page validated through <see cref="ModelStateDictionary"/>: each message under the form's name for its field
    /// (<paramref name="formField"/> maps the API's name to the page's), the summary when no field is named.
    /// </summary>
    public void AddTo(ModelStateDictionary modelState, Func<string, string> formField)
    {
        foreach (var (field, messages) in Fields)
        {
            foreach (var message in messages)
            {
                modelState.AddModelError(formField(field), message);
            }
        }
        if (Fields.Count == 0)
        {
            modelState.AddModelError("", Summary);
        }
    }
}
