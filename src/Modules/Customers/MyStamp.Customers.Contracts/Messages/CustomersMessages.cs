namespace MyStamp.Customers.Contracts.Messages;

/// <summary>
/// The module's messages in every language the shop speaks: <c>CustomersMessages.resx</c> (English, the text the
/// module raises) and its Dutch, French and German translations beside it, keyed by the English text. The web edge
/// translates a field error or problem title through them; a message with a number in it is keyed with <c>{0}</c>.
/// </summary>
public sealed class CustomersMessages;
