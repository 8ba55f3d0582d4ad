using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;
using MyStamp.Web.Languages;
using MyStamp.Orders.Contracts;

namespace MyStamp.Web.Orders;

/// <summary>How orders read on the pages: English keys of <c>ShopText</c> (pages write <c>T[OrderText.Tariff(…)]</c>), and money in the request's culture.</summary>
public static class OrderText
{
    public static string Tariff(Tariff tariff) => tariff switch
    {
        MyStamp.Orders.Contracts.Tariff.BelgiumNonPrior => "Belgium, non-prior",
        MyStamp.Orders.Contracts.Tariff.BelgiumPrior => "Belgium, prior",
        MyStamp.Orders.Contracts.Tariff.Europe => "Europe",
        MyStamp.Orders.Contracts.Tariff.World => "World",
        _ => tariff.ToString(),
    };

    /// <summary>In words: a customer reads "In production", never the code name.</summary>
    public static string Status(OrderStatus status) => status switch
    {
        OrderStatus.Submitted => "Waiting for payment",
        OrderStatus.Paid => "Paid",
        OrderStatus.InProduction => "Being printed",
        OrderStatus.Printed => "Printed, ready to ship",
        OrderStatus.Shipped => "Shipped",
        OrderStatus.Delivered => "Delivered",
        OrderStatus.Cancelled => "Cancelled",
        OrderStatus.Rejected => "Refused",
        _ => status.ToString(),
    };

    /// <summary>What happens next, in words.</summary>
    public static string Next(OrderStatus status) => status switch
    {
        OrderStatus.Submitted => "Pay to confirm the order; until then you can cancel it.",
        OrderStatus.Paid => "Paid. We print your stamps in the next production run; until it starts you can still cancel.",
        OrderStatus.InProduction => "Your stamps are being printed.",
        OrderStatus.Printed => "Your stamps are printed and will be handed to the post.",
        OrderStatus.Shipped => "Your stamps are on their way.",
        OrderStatus.Delivered => "Your stamps were delivered.",
        OrderStatus.Cancelled => "This order was cancelled; nothing will be charged or sent.",
        OrderStatus.Rejected => "We could not accept this order.",
        _ => "",
    };

    /// <summary>Who moved an order, as the production desk reads it: English keys of <c>AdminText</c>.</summary>
    public static string Source(TransitionSource source) => source switch
    {
        TransitionSource.Customer => "by the customer",
        TransitionSource.Payment => "by the payment",
        TransitionSource.Admin => "by an admin",
        TransitionSource.Production => "by the production run",
        TransitionSource.Moderation => "by the moderation",
        _ => source.ToString(),
    };

    /// <summary>Every status in words in the request's language, as JSON for the live page's script (which receives codes).</summary>
    public static string StatusWords(IStringLocalizer<ShopText> text) =>
        JsonSerializer.Serialize(Enum.GetValues<OrderStatus>().ToDictionary(status => status.ToString(), status => text[Status(status)].Value));

    private static readonly TimeZoneInfo Brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    /// <summary>A moment as a Belgian reads it: Brussels time, date and time in the request's culture.</summary>
    public static string Time(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Brussels).ToString("g", CultureInfo.CurrentCulture);

    /// <summary>Belgian style per language: "€ 23,50" in Dutch, "23,50 €" in French and German.</summary>
    public static string Money(decimal amount, string currency)
    {
        if (currency != "EUR")
        {
            return $"{currency} {amount.ToString("N2", CultureInfo.CurrentCulture)}";
        }
        return amount.ToString("C2", CultureInfo.CurrentCulture);
    }
}
