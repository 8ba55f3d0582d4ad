using MyStamp.Orders.Contracts;

namespace MyStamp.Orders.Payment;

/// <summary>
/// The payment step, kept behind this interface so that a real payment provider can replace the
/// simulation without touching the order lifecycle.
/// </summary>
internal interface IPaymentGateway
{
    /// <summary>Charges the order's total. A declined payment is a result, not an exception.</summary>
    Task<PaymentResult> Charge(Guid orderId, OrderPrice price, CancellationToken cancellationToken = default);

    /// <summary>Refunds a charged order that is cancelled before production.</summary>
    Task Refund(Guid orderId, string paymentReference, OrderPrice price, CancellationToken cancellationToken = default);
}

/// <summary>The outcome of a charge: a reference to keep when approved, a reason a person can read when declined.</summary>
internal sealed record PaymentResult(bool Approved, string? Reference, string? DeclineReason)
{
    public static PaymentResult Approve(string reference) => new(true, reference, null);
    public static PaymentResult Decline(string reason) => new(false, null, reason);
}
