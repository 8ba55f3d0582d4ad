namespace MyStamp.Privacy.Contracts.Messages;

/// <summary>
/// The Privacy module's messages in every language the shop speaks: <c>PrivacyMessages.resx</c> (English, the text the
/// module and the privacy API raise) and its Dutch, French and German translations beside it, keyed by the English
/// text. The web edge translates a privacy problem's title and field errors through them; a number goes in as <c>{0}</c>.
/// </summary>
public sealed class PrivacyMessages;
