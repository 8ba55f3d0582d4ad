namespace MyStamp.Privacy.Contracts;

/// <summary>
/// "Erase this customer now": implemented by the retention work (O7), keyed by the customer id, and
/// called by the Privacy module when it fulfils an erasure request (GDPR Art. 17). The implementation
/// erases what every module keeps about the customer, including <see cref="ICustomerPrivacyGrain.Forget"/>.
/// </summary>
[Alias("mystamp.privacy.customer-erasure")]
public interface ICustomerErasureGrain : IGrainWithGuidKey
{
    /// <summary>Erases the customer at once; calling it again for an erased customer changes nothing.</summary>
    /// <param name="requestId">The data-subject request that asked for it, kept for the record.</param>
    Task<ErasureReceipt> EraseNow(Guid requestId);
}

/// <summary>What the erasure did.</summary>
[GenerateSerializer, Immutable]
[Alias("mystamp.privacy.erasure-receipt")]
public sealed record ErasureReceipt(
    [property: Id(0)] DateTimeOffset ErasedAt,
    [property: Id(1)] string Summary);
