using System.Globalization;
using MyStamp.Orders.Contracts;

namespace MyStamp.Web.Orders;

/// <summary>How orders read on the pages.</summary>
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

    public static string Money(decimal amount, string currency) =>
        $"{currency} {amount.ToString("0.00", CultureInfo.InvariantCulture)}";
}
