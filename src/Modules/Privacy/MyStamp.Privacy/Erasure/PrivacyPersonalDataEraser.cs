using MyStamp.BuildingBlocks.Retention;
using MyStamp.Privacy.Contracts;
using MyStamp.Privacy.Requests;

namespace MyStamp.Privacy.Erasure;

/// <summary>
/// What the Privacy module keeps about a customer, erased with the customer (O7): the privacy state
/// (objections as recorded, survey objection, restriction, policy acknowledgement), the advertising audience
/// entry, and in every data-subject request linked to them the requester's contact details, what they and the
/// admins wrote, and the identity document. The requests themselves stay without personal data: they prove
/// that each request was answered, and on time (GDPR Art. 5(2), 12(3)).
/// </summary>
internal sealed class PrivacyPersonalDataEraser(RequestStore requests, IGrainFactory grains) : IPersonalDataEraser
{
    public string Name => "privacy";

    public async Task EraseCustomer(ErasedCustomer customer, CancellationToken cancellationToken = default)
    {
        var customerId = customer.CustomerId;
        foreach (var request in await requests.ForCustomer(customerId))
        {
            await grains.GetGrain<IDataSubjectRequestGrain>(request.RequestId).ForgetRequester(RequesterForgottenBecause.CustomerErased);
        }
        await grains.GetGrain<ICustomerPrivacyGrain>(customerId).Forget();
    }
}
