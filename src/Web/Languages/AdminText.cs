namespace MyStamp.Web.Languages;

/// <summary>
/// The admin console's own text in every language, kept apart from the shop's (<see cref="ShopText"/>) so that each
/// stays readable: <c>AdminText.resx</c> (English, keyed by the English text) and <c>.nl</c>, <c>.fr</c>, <c>.de</c>
/// beside it. Admin pages read it as <c>A["…"]</c> (<c>_ViewImports.cshtml</c>); statuses, tariffs and formats come
/// from the shop's words (<c>T[…]</c>), as customers read them.
/// </summary>
public sealed class AdminText;
