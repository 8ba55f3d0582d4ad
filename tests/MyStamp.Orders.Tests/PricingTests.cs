using Microsoft.Extensions.Configuration;
using MyStamp.Orders.Contracts;
using MyStamp.Orders.Pricing;

namespace MyStamp.Orders.Tests;

public class PricingTests
{
    private static PriceTableOptions Table(decimal vatRate = 21m) => new()
    {
        Currency = "EUR",
        VatRate = vatRate,
        StampsPerSheet = 10,
        SheetPrices = new()
        {
            [Tariff.BelgiumNonPrior] = 19.50m,
            [Tariff.BelgiumPrior] = 23.50m,
            [Tariff.Europe] = 29.90m,
            [Tariff.World] = 34.90m,
        },
    };

    [Fact]
    public void The_price_is_sheets_times_the_tariff_plus_vat()
    {
        var price = PriceCalculator.Quote(Table(), Tariff.Europe, 3);

        Assert.Equal(89.70m, price.Net);
        Assert.Equal(18.84m, price.Vat);      // 21 % of 89.70 = 18.837
        Assert.Equal(108.54m, price.Total);
        Assert.Equal("EUR", price.Currency);
        Assert.Equal(29.90m, price.SheetPrice);
    }

    [Fact]
    public void Vat_is_rounded_half_away_from_zero_to_the_cent()
    {
        var table = Table(vatRate: 10m);
        table.SheetPrices[Tariff.World] = 0.05m;

        // 10 % of 0.05 is 0.005: half a cent goes up.
        Assert.Equal(0.01m, PriceCalculator.Quote(table, Tariff.World, 1).Vat);
    }

    [Fact]
    public void Every_tariff_has_its_own_price()
    {
        var totals = Enum.GetValues<Tariff>().Select(tariff => PriceCalculator.Quote(Table(), tariff, 1).Total).ToList();

        Assert.Equal(totals.Count, totals.Distinct().Count());
    }

    [Fact]
    public void A_price_table_missing_a_tariff_stops_the_start()
    {
        var table = Table();
        table.SheetPrices.Remove(Tariff.World);

        var result = new PriceTableValidator().Validate(null, table);

        Assert.True(result.Failed);
        Assert.Contains("World", result.FailureMessage);
    }

    [Theory]
    [InlineData("euro", 21, 10)]
    [InlineData("EUR", -1, 10)]
    [InlineData("EUR", 121, 10)]
    [InlineData("EUR", 21, 0)]
    public void A_price_table_with_a_wrong_currency_vat_or_sheet_size_stops_the_start(string currency, int vatRate, int stampsPerSheet)
    {
        var table = Table(vatRate);
        table.Currency = currency;
        table.StampsPerSheet = stampsPerSheet;

        Assert.True(new PriceTableValidator().Validate(null, table).Failed);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    [InlineData(1.234)]
    public void A_sheet_price_must_be_positive_and_in_cents(double sheetPrice)
    {
        var table = Table();
        table.SheetPrices[Tariff.Europe] = (decimal)sheetPrice;

        Assert.True(new PriceTableValidator().Validate(null, table).Failed);
    }

    [Fact]
    public void The_shipped_price_table_is_valid()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "shipped-appsettings.json")).Build();
        var table = configuration.GetSection(PriceTableOptions.Section).Get<PriceTableOptions>();

        Assert.NotNull(table);
        var result = new PriceTableValidator().Validate(null, table);
        Assert.True(result.Succeeded, result.FailureMessage);
        Assert.Equal(Enum.GetValues<Tariff>().Length, table.SheetPrices.Count);
    }
}
