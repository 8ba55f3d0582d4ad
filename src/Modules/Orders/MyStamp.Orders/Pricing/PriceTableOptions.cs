using Microsoft.Extensions.Options;
using MyStamp.Orders.Contracts;

namespace MyStamp.Orders.Pricing;

/// <summary>
/// The price table, bound from configuration section "Orders:PriceTable" and validated at start-up:
/// a price per sheet (without VAT) for every tariff, the VAT rate and the currency.
/// </summary>
public sealed class PriceTableOptions
{
    public const string Section = "Orders:PriceTable";

    /// <summary>ISO 4217 code, e.g. EUR.</summary>
    public string Currency { get; set; } = "";

    /// <summary>VAT in percent, e.g. 21.</summary>
    public decimal VatRate { get; set; } = -1;

    /// <summary>How many stamps a sheet holds (shown to customers).</summary>
    public int StampsPerSheet { get; set; }

    /// <summary>Price of one sheet without VAT, per tariff; every tariff must have one.</summary>
    public Dictionary<Tariff, decimal> SheetPrices { get; set; } = [];
}

/// <summary>Refuses to start with a price table that would put a wrong price on an order.</summary>
internal sealed class PriceTableValidator : IValidateOptions<PriceTableOptions>
{
    public ValidateOptionsResult Validate(string? name, PriceTableOptions options)
    {
        var failures = new List<string>();
        if (options.Currency is not { Length: 3 } || !options.Currency.All(char.IsAsciiLetterUpper))
        {
            failures.Add($"{PriceTableOptions.Section}:Currency must be a three-letter ISO 4217 code such as EUR.");
        }
        if (options.VatRate is < 0 or > 100)
        {
            failures.Add($"{PriceTableOptions.Section}:VatRate must be a percentage from 0 to 100.");
        }
        if (options.StampsPerSheet is < 1 or > 1000)
        {
            failures.Add($"{PriceTableOptions.Section}:StampsPerSheet must be from 1 to 1000.");
        }
        foreach (var tariff in Enum.GetValues<Tariff>())
        {
            if (!options.SheetPrices.TryGetValue(tariff, out var price))
            {
                failures.Add($"{PriceTableOptions.Section}:SheetPrices:{tariff} is missing.");
            }
            else if (price <= 0 || decimal.Round(price, 2) != price)
            {
                failures.Add($"{PriceTableOptions.Section}:SheetPrices:{tariff} must be a positive amount with at most two decimals.");
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
