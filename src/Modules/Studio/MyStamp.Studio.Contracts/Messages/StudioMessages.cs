namespace MyStamp.Studio.Contracts.Messages;

/// <summary>
/// The Studio module's messages in every language the shop speaks: <c>StudioMessages.resx</c> (English, the text the
/// module raises) and its Dutch, French and German translations, keyed by the English text (<c>{0}</c> where a number
/// goes). The web edge translates problem titles and field errors through them.
/// </summary>
public sealed class StudioMessages;
