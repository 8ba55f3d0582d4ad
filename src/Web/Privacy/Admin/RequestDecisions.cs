using MyStamp.Privacy.Contracts;
using MyStamp.Web.Security;

namespace MyStamp.Web.Privacy.Admin;

/// <summary>
/// An admin's decision on a data-subject request, from the API or the request page. A fulfilled erasure closes the
/// customer's account: this node's memory of session versions learns it at once, so that the erased customer's
/// cookie stops working on the next request here (other nodes within <see cref="SessionVersions.Lifetime"/>).
/// </summary>
public sealed class RequestDecisions(IGrainFactory grains, SessionVersions sessions)
{
    public async Task<DataSubjectRequestView> Decide(Guid requestId, RequestDecision decision)
    {
        var request = grains.GetGrain<IDataSubjectRequestGrain>(requestId);
        var erasing = decision.Decision == DecisionKind.Fulfil && await request.Get() is { Type: RequestType.Erasure, CustomerId: { } customerId }
            ? customerId
            : (Guid?)null;
        var view = await request.Decide(decision);
        if (erasing is { } erased)
        {
            sessions.Remember(erased, admin: false, version: null);
        }
        return view;
    }
}
