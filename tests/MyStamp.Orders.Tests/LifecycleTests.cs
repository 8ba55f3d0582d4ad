using MyStamp.BuildingBlocks.Errors;
using MyStamp.Orders.Contracts;
using MyStamp.Orders.Lifecycle;

namespace MyStamp.Orders.Tests;

public class LifecycleTests
{
    [Fact]
    public void An_order_goes_from_submitted_to_delivered_one_step_at_a_time()
    {
        OrderStatus[] path = [OrderStatus.Submitted, OrderStatus.Paid, OrderStatus.InProduction, OrderStatus.Printed, OrderStatus.Shipped, OrderStatus.Delivered];

        for (var step = 1; step < path.Length; step++)
        {
            Assert.True(OrderLifecycle.CanMove(path[step - 1], path[step]), $"{path[step - 1]} → {path[step]}");
            // No skipping: every later status but the next one is out of reach.
            foreach (var later in path.Skip(step + 1))
            {
                Assert.False(OrderLifecycle.CanMove(path[step - 1], later), $"{path[step - 1]} → {later}");
            }
        }
    }

    [Theory]
    [InlineData(OrderStatus.Submitted, true)]
    [InlineData(OrderStatus.Paid, true)]
    [InlineData(OrderStatus.InProduction, false)]
    [InlineData(OrderStatus.Printed, false)]
    [InlineData(OrderStatus.Shipped, false)]
    [InlineData(OrderStatus.Delivered, false)]
    [InlineData(OrderStatus.Cancelled, false)]
    [InlineData(OrderStatus.Rejected, false)]
    public void Order_can_be_cancelled_only_before_production(OrderStatus status, bool cancellable)
    {
        Assert.Equal(cancellable, OrderLifecycle.CanBeCancelled(status));
    }

    [Theory]
    [InlineData(OrderStatus.Printed, OrderStatus.Cancelled)]   // cancel after printing
    [InlineData(OrderStatus.Submitted, OrderStatus.Shipped)]   // ship before paying
    [InlineData(OrderStatus.Submitted, OrderStatus.InProduction)]
    [InlineData(OrderStatus.Paid, OrderStatus.Submitted)]      // no way back
    [InlineData(OrderStatus.Shipped, OrderStatus.Printed)]
    [InlineData(OrderStatus.InProduction, OrderStatus.Rejected)]
    public void Forbidden_transitions_are_conflicts(OrderStatus from, OrderStatus to)
    {
        var refused = Assert.Throws<DomainException>(() => OrderLifecycle.EnsureCanMove(from, to));

        Assert.Equal(DomainErrorKind.Conflict, refused.Kind);
    }

    [Theory]
    [InlineData(OrderStatus.Delivered)]
    [InlineData(OrderStatus.Cancelled)]
    [InlineData(OrderStatus.Rejected)]
    public void Nothing_follows_a_final_status(OrderStatus final)
    {
        Assert.True(OrderLifecycle.IsFinal(final));
        Assert.All(Enum.GetValues<OrderStatus>(), next => Assert.False(OrderLifecycle.CanMove(final, next)));
    }

    [Fact]
    public void Moderation_can_reject_an_order_only_before_production()
    {
        var rejectable = Enum.GetValues<OrderStatus>().Where(status => OrderLifecycle.CanMove(status, OrderStatus.Rejected));

        Assert.Equal([OrderStatus.Submitted, OrderStatus.Paid], rejectable);
    }

    [Fact]
    public void Staying_in_the_same_status_is_not_a_transition()
    {
        Assert.All(Enum.GetValues<OrderStatus>(), status => Assert.False(OrderLifecycle.CanMove(status, status)));
    }
}
