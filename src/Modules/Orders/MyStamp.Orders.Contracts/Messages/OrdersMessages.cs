namespace MyStamp.Orders.Contracts.Messages;

/// <summary>
/// The Orders module's messages in every language the shop speaks: <c>OrdersMessages.resx</c> (English, the text the
/// module raises) and its Dutch, French and German translations, keyed by the English text (<c>{0}</c> where a number
/// goes). The web edge translates problem titles and field errors through them.
/// </summary>
public sealed class OrdersMessages;
