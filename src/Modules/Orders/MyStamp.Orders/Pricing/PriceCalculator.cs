using Microsoft.Extensions.Options;
using MyStamp.Orders.Contracts;

namespace MyStamp.Orders.Pricing;

/// <summary>Prices an order from the price table: sheets × sheet price, plus VAT rounded to the cent.</summary>
internal sealed class PriceCalculator(IOptions<PriceTableOptions> options)
{
    private readonly PriceTableOptions _table = options.Value;

    public OrderPrice Quote(Tariff tariff, int sheets) => Quote(_table, tariff, sheets);

    public PriceList PriceList(int maxSheetsConsumer, int maxSheetsPro) =>
        new(_table.Currency, _table.VatRate, _table.StampsPerSheet, new Dictionary<Tariff, decimal>(_table.SheetPrices), maxSheetsConsumer, maxSheetsPro);

    public static OrderPrice Quote(PriceTableOptions table, Tariff tariff, int sheets)
    {
        if (!table.SheetPrices.TryGetValue(tariff, out var sheetPrice))
        {
            throw new ArgumentOutOfRangeException(nameof(tariff), tariff, "The price table has no price for this tariff.");
        }
        ArgumentOutOfRangeException.ThrowIfNegative(sheets);
        var net = sheetPrice * sheets;
        // VAT on the order total, rounded half away from zero to the cent, as on an invoice.
        var vat = decimal.Round(net * table.VatRate / 100m, 2, MidpointRounding.AwayFromZero);
        return new OrderPrice(table.Currency, tariff, sheets, sheetPrice, net, table.VatRate, vat, net + vat);
    }
}
