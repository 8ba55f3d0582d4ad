using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using MyStamp.BuildingBlocks.Errors;

namespace MyStamp.Web.Languages;

/// <summary>
/// Translates what a module raised (a problem title, a field error) into the request's language. Modules raise
/// English sentences; each keeps their translations in one resource of its own (e.g.
/// <see cref="Customers.Contracts.Messages.CustomersMessages"/>), keyed by the English sentence, with <c>{0}</c> where a
/// number or a code goes. A sentence no resource knows stays English rather than disappearing.
/// </summary>
public sealed partial class DomainText
{
    private readonly IReadOnlyList<Source> _sources;

    /// <param name="messageTypes">The resource types of the modules, and the web edge's own for the building blocks' messages.</param>
    public DomainText(IStringLocalizerFactory factory, IEnumerable<Type> messageTypes) =>
        _sources = messageTypes.Select(type => new Source(factory.Create(type), PatternsOf(type))).ToList();

    public string Translate(string english)
    {
        foreach (var source in _sources)
        {
            var exact = source.Localizer[english];
            if (!exact.ResourceNotFound)
            {
                return exact.Value;
            }
        }
        foreach (var source in _sources)
        {
            foreach (var (key, pattern) in source.Patterns)
            {
                var match = pattern.Match(english);
                if (match.Success)
                {
                    return source.Localizer[key, match.Groups.Cast<Group>().Skip(1).Select(group => (object)group.Value).ToArray()].Value;
                }
            }
        }
        return english;
    }

    public string Title(DomainException failure) => Translate(failure.Title);

    /// <summary>The field errors, each message translated, keyed by the API's field names as before.</summary>
    public Dictionary<string, string[]> FieldErrors(DomainException failure) =>
        failure.FieldErrors.ToDictionary(pair => pair.Key, pair => pair.Value.Select(Translate).ToArray(), StringComparer.Ordinal);

    private sealed record Source(IStringLocalizer Localizer, IReadOnlyList<(string Key, Regex Pattern)> Patterns);

    /// <summary>"Use at least {0} characters." matches "Use at least 10 characters.", capturing 10.</summary>
    private static IReadOnlyList<(string, Regex)> PatternsOf(Type type)
    {
        var set = new ResourceManager(type.FullName!, type.Assembly).GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false);
        if (set is null)
        {
            return [];
        }
        return set.Cast<DictionaryEntry>()
            .Select(entry => (string)entry.Key)
            .Where(key => key.Contains("{0}", StringComparison.Ordinal))
            .Select(key => (key, new Regex("^" + Placeholder().Replace(Regex.Escape(key), "(.+?)") + "$", RegexOptions.CultureInvariant)))
            .ToList();
    }

    [GeneratedRegex(@"\\\{\d\}|\{\d\}")]
    private static partial Regex Placeholder();
}
