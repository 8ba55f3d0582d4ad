using MyStamp.BuildingBlocks.Grains;
using MyStamp.Retention.Contracts;
using MyStamp.Privacy.Contracts;
using MyStamp.Privacy.Requests;
using Npgsql;

namespace MyStamp.Privacy.Erasure;

/// <summary>
/// What the Privacy module keeps about a customer, erased with the customer (O7): the privacy state
/// (objections as recorded, survey objection, restriction, policy acknowledgement), the advertising audience
/// entry, and in every data-subject request linked to them the requester's contact details, what they and the
/// admins wrote, and the identity document. The requests themselves stay without personal data: they prove
/// that each request was answered, and on time (GDPR Art. 5(2), 12(3)).
/// </summary>
internal sealed class PrivacyPersonalDataEraser(RequestStore requests, IGrainFactory grains, NpgsqlDataSource dataSource) : IPersonalDataEraser
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

    /// <summary>
    /// The sweep's batch, once the customers' keys are destroyed: their requests in one query (a customer with a
    /// data-subject request is rare: each such request forgets its requester through its grain, as above), then
    /// every audience entry and privacy state row in one transaction, without activating a grain.
    /// </summary>
    public async Task EraseCustomers(IReadOnlyList<ErasedCustomer> customers, CancellationToken cancellationToken = default)
    {
        var customerIds = customers.Select(customer => customer.CustomerId).ToArray();
        if (customerIds.Length == 0)
        {
            return;
        }
        foreach (var request in await requests.ForCustomers(customerIds))
        {
            await grains.GetGrain<IDataSubjectRequestGrain>(request.RequestId).ForgetRequester(RequesterForgottenBecause.CustomerErased);
        }
        var audience = new NpgsqlBatchCommand("DELETE FROM privacy_audience WHERE customer_id = ANY(@customers)");
        audience.Parameters.AddWithValue("customers", customerIds);
        await GrainRows.Run(dataSource, [audience, GrainRows.DeleteStates("privacy-customer", customerIds)], cancellationToken);
    }
}
