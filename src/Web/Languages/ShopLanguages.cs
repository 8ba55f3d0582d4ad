using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection;
using MyStamp.Customers.Contracts;

namespace MyStamp.Web.Languages;

/// <summary>
/// The shop's four languages as request cultures: Belgian Dutch, French and German, and English as written in
/// Belgium (dates day first, the euro). A request's language comes from the language cookie the switcher writes,
/// else from the browser's <c>Accept-Language</c>, else Dutch, the language of the privacy policy.
/// </summary>
public static class ShopLanguages
{
    /// <summary>The switcher's choice, remembered; strictly necessary (listed on the cookie page).</summary>
    public const string CookieName = "mystamp.language";

    public static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-BE");
    public static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-BE");
    public static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-BE");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-BE");

    public static IReadOnlyList<CultureInfo> Cultures { get; } = [Dutch, French, German, English];

    public static CultureInfo CultureOf(CustomerLanguage language) => language switch
    {
        CustomerLanguage.French => French,
        CustomerLanguage.German => German,
        CustomerLanguage.English => English,
        _ => Dutch,
    };

    /// <summary>The language of the request being served (its UI culture).</summary>
    public static CustomerLanguage Current => CustomerLanguages.FromCode(CultureInfo.CurrentUICulture.Name) ?? CustomerLanguage.Dutch;

    /// <summary>"2 december 2026", "2 décembre 2026", "2. Dezember 2026", "2 December 2026": a date as the request's language writes it.</summary>
    public static string LongDate(DateTimeOffset date) => LongDate(date.DateTime);

    public static string LongDate(DateTime date) =>
        date.ToString(Current == CustomerLanguage.German ? "d. MMMM yyyy" : "d MMMM yyyy", CultureInfo.CurrentCulture);

    public static IServiceCollection AddShopLanguages(this IServiceCollection services)
    {
        services.AddLocalization();
        // Dutch, French and German letters (é, ë, ü) and signs such as × and € go out as themselves, not as &#xE9;.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
            options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        // The building blocks' generic messages ("One or more fields are not valid.") are in the web edge's own text.
        services.AddSingleton(provider => new DomainText(
            provider.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizerFactory>(),
            [typeof(ShopText), typeof(Customers.Contracts.Messages.CustomersMessages), typeof(MyStamp.Studio.Contracts.Messages.StudioMessages), typeof(MyStamp.Orders.Contracts.Messages.OrdersMessages), typeof(MyStamp.Privacy.Contracts.Messages.PrivacyMessages)]));
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Dutch);
            options.SupportedCultures = [.. Cultures];
            options.SupportedUICultures = [.. Cultures];
            // "fr" or "fr-FR" from a browser reads as fr-BE: the shop speaks Belgian French to every French reader.
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            options.RequestCultureProviders =
            [
                new CookieRequestCultureProvider { CookieName = CookieName },
                new NeutralAcceptLanguageProvider(),
            ];
        });
        return services;
    }

    /// <summary>The cookie value that selects a language (the framework's "c=..|uic=.." form).</summary>
    public static string CookieValue(CustomerLanguage language) =>
        CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(CultureOf(language)));
}
