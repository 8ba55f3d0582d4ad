using System.Globalization;
using System.Resources;
using Microsoft.Extensions.Logging;
using MyStamp.Customers.Contracts;
using MyStamp.Mail.Contracts;
using MyStamp.Orders.Contracts;

namespace MyStamp.Orders.Mail;

/// <summary>
/// The mails of the Orders module (templates in <c>Mail/OrderMail*.resx</c>): the confirmation once an order is
/// paid, and the shipping notice once it ships. One of each per order (the outbox's deduplication key). A mail that
/// cannot be queued never undoes the order's change: it is logged by order id and kind.
/// </summary>
internal sealed partial class OrderMails(IMailOutbox outbox, IGrainFactory grains, ILogger<OrderMails> logger)
{
    public const string ConfirmationKind = "order-confirmation";
    public const string ShippingKind = "shipping-notice";

    public static readonly MailTemplates Templates = new(new ResourceManager("MyStamp.Orders.Mail.OrderMail", typeof(OrderMails).Assembly));

    public Task SendConfirmation(Guid orderId, Guid customerId, OrderPrice price) =>
        Send(orderId, customerId, ConfirmationKind, "OrderConfirmation", price);

    public Task SendShippingNotice(Guid orderId, Guid customerId, OrderPrice price) =>
        Send(orderId, customerId, ShippingKind, "ShippingNotice", price);

    private async Task Send(Guid orderId, Guid customerId, string kind, string template, OrderPrice price)
    {
        try
        {
            if (await grains.GetGrain<ICustomerGrain>(customerId).GetProfile() is not { } profile)
            {
                return;
            }
            var language = profile.Language.Code();
            var culture = MailLanguages.Culture(language);
            var content = Templates.Render(template, language, new Dictionary<string, string>
            {
                ["firstName"] = profile.FirstName,
                ["orderNumber"] = OrderNumber(orderId),
                ["sheets"] = price.Sheets.ToString(culture),
                ["tariff"] = Templates.Resources.GetString($"Tariff.{price.Tariff}", CultureInfo.GetCultureInfo(language)) ?? price.Tariff.ToString(),
                ["total"] = Money(price.Total, price.Currency, culture),
                ["link"] = outbox.LinkTo($"/Orders/{orderId}"),
            });
            await outbox.Enqueue(new OutgoingMail(customerId, kind, profile.Email, content, $"{kind}:{orderId}"));
        }
        catch (Exception exception)
        {
            LogNotQueued(exception, orderId, kind);
        }
    }

    /// <summary>What a customer quotes on the phone: the first eight hex digits of the order's random id, upper case.</summary>
    public static string OrderNumber(Guid orderId) => orderId.ToString("N")[..8].ToUpperInvariant();

    /// <summary>An amount as the language writes it in Belgium (<c>€ 23,50</c> in Dutch, <c>23,50 €</c> in French).</summary>
    public static string Money(decimal amount, string currency, CultureInfo culture)
    {
        if (currency == "EUR")
        {
            return amount.ToString("C", culture);
        }
        return $"{currency} {amount.ToString("N2", culture)}";
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The {Kind} mail of order {OrderId} could not be queued")]
    private partial void LogNotQueued(Exception exception, Guid orderId, string kind);
}
