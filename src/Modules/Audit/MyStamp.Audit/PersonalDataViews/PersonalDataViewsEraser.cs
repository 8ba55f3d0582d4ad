using MyStamp.Audit.Contracts;
using MyStamp.BuildingBlocks.Retention;

namespace MyStamp.Audit.PersonalDataViews;

/// <summary>
/// Part of a customer's erasure (O7): the entries of the trail about the customer go too, else they would keep
/// pointing at a person who is gone. The customer grain calls it once the account is closed (no admin page shows
/// the customer any more), and before its own row goes.
/// </summary>
internal sealed class PersonalDataViewsEraser(IGrainFactory grains) : IPersonalDataEraser
{
    public string Name => "audit-personal-data-views";

    public async Task EraseCustomer(ErasedCustomer customer, CancellationToken cancellationToken = default) =>
        await grains.GetGrain<IPersonalDataViewsGrain>(customer.CustomerId).EraseAfterCustomerErasure();
}
