using MyStamp.BuildingBlocks.Errors;
using MyStamp.Orders.Contracts;

namespace MyStamp.Orders.Lifecycle;

/// <summary>
/// The order lifecycle as an explicit state machine:
/// Submitted → Paid → InProduction → Printed → Shipped → Delivered, with Cancelled and Rejected possible
/// only before production. Everything not listed here is forbidden.
/// </summary>
internal static class OrderLifecycle
{
    private static readonly IReadOnlyDictionary<OrderStatus, OrderStatus[]> Allowed = new Dictionary<OrderStatus, OrderStatus[]>
    {
        [OrderStatus.Submitted] = [OrderStatus.Paid, OrderStatus.Cancelled, OrderStatus.Rejected],
        [OrderStatus.Paid] = [OrderStatus.InProduction, OrderStatus.Cancelled, OrderStatus.Rejected],
        [OrderStatus.InProduction] = [OrderStatus.Printed],
        [OrderStatus.Printed] = [OrderStatus.Shipped],
        [OrderStatus.Shipped] = [OrderStatus.Delivered],
        [OrderStatus.Delivered] = [],
        [OrderStatus.Cancelled] = [],
        [OrderStatus.Rejected] = [],
    };

    /// <summary>The statuses an order in <paramref name="from"/> may move to.</summary>
    public static IReadOnlyList<OrderStatus> NextFrom(OrderStatus from) => Allowed.TryGetValue(from, out var next) ? next : [];

    public static bool CanMove(OrderStatus from, OrderStatus to) => NextFrom(from).Contains(to);

    /// <summary>Delivered, Cancelled and Rejected: nothing follows.</summary>
    public static bool IsFinal(OrderStatus status) => NextFrom(status).Count == 0;

    public static bool CanBeCancelled(OrderStatus status) => CanMove(status, OrderStatus.Cancelled);

    /// <summary>Throws a conflict (409) when the lifecycle forbids the transition.</summary>
    public static void EnsureCanMove(OrderStatus from, OrderStatus to)
    {
        if (CanMove(from, to))
        {
            return;
        }
        throw DomainException.Conflict(to switch
        {
            OrderStatus.Cancelled => $"An order can be cancelled only before production; this one is {from}.",
            _ when IsFinal(from) => $"This order is {from}: its status can no longer change.",
            _ => $"An order that is {from} cannot become {to}.",
        });
    }
}
