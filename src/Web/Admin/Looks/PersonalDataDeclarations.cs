using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MyStamp.Web.Admin.Looks;

/// <summary>
/// What an admin endpoint or page says about the personal data it answers with. Every route of the admin area
/// (and every admin-only page) carries one of the two: <see cref="ShowsPersonalDataAttribute"/> or
/// <see cref="ShowsNoPersonalDataAttribute"/>. A test reads them from the app's EndpointDataSource and fails for a
/// route that says neither, so a new admin route cannot forget the question.
/// </summary>
public interface IPersonalDataDeclaration
{
    /// <summary>The page or export as the audit names it, or why it shows no personal data.</summary>
    string Description { get; }
}

/// <summary>
/// The endpoint (or page, or one handler of a page) answers an admin with personal data: a field of a data subject,
/// a photo or image of them, an identity document, a list of people. Before it answers an admin it must record the
/// look through <see cref="AdminLooks"/>; an answer without a recorded look is refused (see <see cref="AdminLookFilters"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class ShowsPersonalDataAttribute(string description) : Attribute, IPersonalDataDeclaration
{
    public string Description { get; } = description;
}

/// <summary>
/// The endpoint, page or page handler was reviewed and shows no personal data (ids, counts, statuses, masked
/// addresses). On a handler it overrides its page's declaration (e.g. a form post that only redirects).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class ShowsNoPersonalDataAttribute(string reason) : Attribute, IPersonalDataDeclaration
{
    public string Description { get; } = reason;
}

/// <summary>The declarations for minimal-API endpoints; the personal-data one brings its guard along.</summary>
public static class PersonalDataDeclarations
{
    /// <summary>
    /// Declares that the endpoint answers admins with personal data and adds the guard that refuses an answer to an
    /// admin without a recorded look. One call, so the declaration and its enforcement cannot come apart.
    /// </summary>
    public static TBuilder ShowsPersonalData<TBuilder>(this TBuilder builder, string description) where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new ShowsPersonalDataAttribute(description));
        builder.AddEndpointFilter(new AdminLookFilters.EndpointFilter());
        return builder;
    }

    /// <summary>Declares that the endpoint was reviewed and answers with no personal data.</summary>
    public static TBuilder ShowsNoPersonalData<TBuilder>(this TBuilder builder, string reason) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ShowsNoPersonalDataAttribute(reason));
}
