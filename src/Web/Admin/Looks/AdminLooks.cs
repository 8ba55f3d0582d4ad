using Microsoft.AspNetCore.Http;
using MyStamp.Audit.Contracts;
using MyStamp.BuildingBlocks.Errors;
using MyStamp.Privacy.Contracts;
using MyStamp.Web.Security;

namespace MyStamp.Web.Admin.Looks;

/// <summary>
/// The one way an admin endpoint records a look at personal data, once per request: who (the signed-in admin),
/// when (the trail's clock), whose data (a customer, or the requester of a data-subject request who has no account)
/// and why (the page or export). Call it before the data is put in the answer; when it fails, the request fails and
/// shows nothing. <see cref="AdminLookFilters"/> refuses a personal-data answer to an admin for which no method here
/// was called.
/// </summary>
public sealed class AdminLooks(IGrainFactory grains, IHttpContextAccessor http)
{
    private const int Parallelism = 16;

    /// <summary>True once the request recorded its looks (or said that it shows no one).</summary>
    public bool Declared { get; private set; }

    /// <summary>How many entries this request wrote.</summary>
    public int Recorded { get; private set; }

    /// <summary>Records a look at one customer's data.</summary>
    public async Task AtCustomer(Guid customerId, string what)
    {
        await grains.GetGrain<IPersonalDataViewsGrain>(customerId).Record(AdminId(), what);
        Recorded++;
        Declared = true;
    }

    /// <summary>Records a look at each of these customers' data (each once); an empty list shows no one.</summary>
    public async Task AtCustomers(IEnumerable<Guid> customerIds, string what)
    {
        var admin = AdminId();
        foreach (var batch in customerIds.Where(id => id != Guid.Empty).Distinct().Chunk(Parallelism))
        {
            await Task.WhenAll(batch.Select(id => grains.GetGrain<IPersonalDataViewsGrain>(id).Record(admin, what)));
            Recorded += batch.Length;
        }
        Declared = true;
    }

    /// <summary>
    /// Records a look at the requester of a data-subject request: in the linked customer's trail (their access
    /// report lists it), or, for a requester without an account, in the request's own trail. A request whose
    /// requester was forgotten shows no one.
    /// </summary>
    public async Task AtRequester(DataSubjectRequestView request, string what)
    {
        if (request.Requester == Requester.Erased && request.CustomerId is null)
        {
            // The requester was forgotten (O7): the request shows no one any more.
            NoOneShown();
            return;
        }
        if (request.CustomerId is { } customerId)
        {
            await AtCustomer(customerId, what);
            return;
        }
        await grains.GetGrain<IDataSubjectRequestGrain>(request.RequestId).RecordLook(AdminId(), what);
        Recorded++;
        Declared = true;
    }

    /// <summary>Records a bulk export: the export itself, and one entry per person in it.</summary>
    public async Task<RecordedExport> Export(string channel, IReadOnlyList<Guid> customerIds)
    {
        var export = await grains.GetGrain<IPersonalDataExportsGrain>(0).Record(AdminId(), channel, customerIds);
        Recorded += export.People;
        Declared = true;
        return export;
    }

    /// <summary>Records a look at an order's customer (its shipping address); an order whose customer was erased shows no one.</summary>
    public Task AtOrderCustomer(MyStamp.Orders.Contracts.OrderView order, string what)
    {
        if (order.CustomerId == Guid.Empty)
        {
            NoOneShown();
            return Task.CompletedTask;
        }
        return AtCustomer(order.CustomerId, what);
    }

    /// <summary>Says that this answer, though of a personal-data route, shows no one (e.g. an order whose customer was erased).</summary>
    public void NoOneShown() => Declared = true;

    private Guid AdminId() =>
        http.HttpContext is { } context && context.User.CallerIdOrNull() is { } id && context.User.IsInRole(Security.Roles.Admin)
            ? id
            // Without an admin id the look could not be recorded, so it may not happen.
            : throw DomainException.Forbidden("Only a signed-in admin looks at someone's personal data.");
}
