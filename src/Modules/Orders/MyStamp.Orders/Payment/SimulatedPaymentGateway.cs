using MyStamp.Orders.Contracts;

namespace MyStamp.Orders.Payment;

/// <summary>
/// No real provider is connected: every charge is approved at once with a reference that says it was
/// simulated, and refunds only succeed. Replace this class (registered in OrdersModule) to take real payments.
/// </summary>
internal sealed class SimulatedPaymentGateway : IPaymentGateway
{
    public Task<PaymentResult> Charge(Guid orderId, OrderPrice price, CancellationToken cancellationToken = default) =>
        Task.FromResult(price.Total > 0
            ? PaymentResult.Approve($"SIMULATED-{orderId:N}")
            : PaymentResult.Decline("Nothing to pay."));

    public Task Refund(Guid orderId, string paymentReference, OrderPrice price, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
