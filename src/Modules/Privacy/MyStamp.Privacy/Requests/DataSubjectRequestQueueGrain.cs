using MyStamp.Privacy.Contracts;
using Orleans.Concurrency;

namespace MyStamp.Privacy.Requests;

/// <summary>Reads the requests table: the admin queue (oldest due first) and a customer's own list.</summary>
[StatelessWorker]
internal sealed class DataSubjectRequestQueueGrain(RequestStore store, TimeProvider clock) : Grain, IDataSubjectRequestQueueGrain
{
    public async Task<IReadOnlyList<RequestQueueEntry>> GetQueue(bool includeClosed) =>
        ToEntries(await store.Queue(includeClosed));

    public async Task<IReadOnlyList<RequestQueueEntry>> GetForCustomer(Guid customerId) =>
        ToEntries(await store.ForCustomer(customerId));

    private IReadOnlyList<RequestQueueEntry> ToEntries(IReadOnlyList<RequestRow> rows)
    {
        var today = BrusselsCalendar.Today(clock);
        return rows.Select(row => new RequestQueueEntry(
            row.RequestId, row.Type, row.Status, row.Channel, row.ReceivedAt, row.DueOn, row.Extended,
            row.ClosedAt is null && (row.OverdueFlaggedAt is not null || DueDates.IsOverdue(row.DueOn, today)),
            row.CustomerId)).ToList();
    }
}
