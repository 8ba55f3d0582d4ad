namespace MyStamp.Web.Languages;

/// <summary>
/// The web edge's own text in every language: <c>ShopText.resx</c> (English, keyed by the English text itself) and
/// <c>ShopText.nl.resx</c>, <c>.fr.resx</c>, <c>.de.resx</c> beside it. Pages read it as <c>T["…"]</c>
/// (<c>_ViewImports.cshtml</c>); a test fails when a language lacks a key.
/// </summary>
public sealed class ShopText;
