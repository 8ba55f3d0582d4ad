using MyStamp.BuildingBlocks.Errors;
using MyStamp.Orders.Contracts;
using MyStamp.Orders.Lifecycle;
using MyStamp.Orders.Pricing;
using Orleans.Concurrency;

namespace MyStamp.Orders.OrdersOverview;

/// <summary>Answers lists and price quotes; holds nothing, so every node runs its own copies.</summary>
[StatelessWorker]
internal sealed class OrdersOverviewGrain(OrdersOverviewTable overview, PriceCalculator pricing) : Grain, IOrdersOverviewGrain
{
    public Task<IReadOnlyList<OrderSummary>> ListForCustomer(Guid customerId, int limit) => overview.ListForCustomer(customerId, limit);

    public Task<IReadOnlyList<OrderSummary>> ListByStatus(OrderStatus status, int limit) => overview.ListByStatus(status, limit);

    public Task<PriceList> GetPriceList() => Task.FromResult(pricing.PriceList(OrderRules.MaxSheetsConsumer, OrderRules.MaxSheetsPro));

    public Task<OrderPrice> Quote(Tariff tariff, int sheets)
    {
        if (!Enum.IsDefined(tariff))
        {
            throw DomainException.Invalid("tariff", "Choose one of the tariffs.");
        }
        if (sheets < OrderRules.MinSheets || sheets > OrderRules.MaxSheetsPro)
        {
            throw DomainException.Invalid("sheets", $"Order from {OrderRules.MinSheets} to {OrderRules.MaxSheetsPro} sheets.");
        }
        return Task.FromResult(pricing.Quote(tariff, sheets));
    }
}
