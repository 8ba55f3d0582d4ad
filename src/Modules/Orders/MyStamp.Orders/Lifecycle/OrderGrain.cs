using MyStamp.BuildingBlocks.Errors;
using MyStamp.BuildingBlocks.Grains;
using MyStamp.Orders.Contracts;

namespace MyStamp.Orders.Lifecycle;

/// <summary>The state of one order, stored under its own state name.</summary>
[GenerateSerializer]
[Alias("mystamp.orders.order-state")]
public sealed class OrderState
{
    [Id(0)] public Guid CustomerId { get; set; }
    [Id(1)] public Guid DesignId { get; set; }
    [Id(2)] public int Sheets { get; set; }
    [Id(3)] public OrderStatus Status { get; set; }
    [Id(4)] public DateTimeOffset PlacedAt { get; set; }
}

internal sealed class OrderGrain(
    [PersistentState("order", GrainStorage.Name)] IPersistentState<OrderState> order,
    TimeProvider clock) : Grain, IOrderGrain
{
    public async Task<OrderView> Place(PlaceOrder command)
    {
        if (order.RecordExists)
        {
            throw DomainException.Conflict("This order has already been placed.");
        }
        if (command.Sheets is < 1)
        {
            throw DomainException.Invalid("sheets", "Order at least one sheet.");
        }
        order.State = new OrderState
        {
            CustomerId = command.CustomerId,
            DesignId = command.DesignId,
            Sheets = command.Sheets,
            Status = OrderStatus.Submitted,
            PlacedAt = clock.GetUtcNow(),
        };
        await order.WriteStateAsync();
        return ToView();
    }

    public Task<OrderView?> Get() => Task.FromResult(order.RecordExists ? ToView() : null);

    private OrderView ToView() => new(this.GetPrimaryKey(), order.State.CustomerId, order.State.DesignId, order.State.Sheets, order.State.Status, order.State.PlacedAt);
}
