using Microsoft.AspNetCore.Mvc.RazorPages;
using MyStamp.Orders.Contracts;
using MyStamp.Studio.Contracts;

namespace MyStamp.Web.Home;

/// <summary>The home page: what MyStamp is, its formats and public prices, and the first step of an order.</summary>
public sealed class IndexModel(IGrainFactory grains) : PageModel
{
    public PriceList Prices { get; private set; } = null!;

    public IReadOnlyList<StampFormatSize> Formats => StampFormats.All;

    public async Task OnGetAsync() => Prices = await grains.GetGrain<IOrdersOverviewGrain>(0).GetPriceList();

    /// <summary>A sheet's price with VAT, as a customer pays it.</summary>
    public decimal WithVat(decimal net) => Math.Round(net * (1 + Prices.VatRate / 100m), 2, MidpointRounding.AwayFromZero);
}
