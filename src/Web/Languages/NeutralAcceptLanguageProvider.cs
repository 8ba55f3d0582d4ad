using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.Net.Http.Headers;
using MyStamp.Customers.Contracts;

namespace MyStamp.Web.Languages;

/// <summary>
/// Reads <c>Accept-Language</c> by language rather than by culture: "fr", "fr-FR" and "fr-BE" all mean the shop's
/// Belgian French, so a browser set to French of France is not answered in Dutch. The first language the shop
/// speaks, by the browser's order of preference, wins.
/// </summary>
internal sealed class NeutralAcceptLanguageProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var header = httpContext.Request.Headers.AcceptLanguage;
        if (header.Count == 0 || !StringWithQualityHeaderValue.TryParseList(header, out var values))
        {
            return NullProviderCultureResult;
        }
        var language = values
            .Where(value => value.Quality is not 0)
            .OrderByDescending(value => value.Quality ?? 1)
            .Select(value => CustomerLanguages.FromCode(value.Value.Value))
            .FirstOrDefault(found => found is not null);
        if (language is not { } chosen)
        {
            return NullProviderCultureResult;
        }
        var culture = ShopLanguages.CultureOf(chosen).Name;
        return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(culture, culture));
    }
}
