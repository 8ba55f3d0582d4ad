using MyStamp.Keys.Contracts;
using MyStamp.Privacy.Contracts;

namespace MyStamp.Privacy.Requests;

/// <summary>The state of one data-subject request, stored under its own state name.</summary>
[GenerateSerializer]
[Alias("mystamp.privacy.request-state")]
public sealed class DataSubjectRequestState : IPersonalState
{
    /// <summary>
    /// Sealed under the request's own key (the grain's key): the requester may have no account. Forgetting the
    /// requester destroys that key, and what stays (the proof of the answer) is sealed under a new one.
    /// </summary>
    Guid? IPersonalState.DataSubject => null;

    [Id(0)] public RequestType Type { get; set; }
    [Id(1)] public RequestStatus Status { get; set; }
    [Id(2)] public RequestChannel Channel { get; set; }
    [Id(3)] public Requester? Requester { get; set; }
    [Id(4)] public string? Details { get; set; }
    [Id(5)] public Guid? CustomerId { get; set; }
    [Id(6)] public DateTimeOffset ReceivedAt { get; set; }
    [Id(7)] public DateOnly ReceivedOn { get; set; }
    [Id(8)] public bool Extended { get; set; }
    [Id(9)] public DateTimeOffset? OverdueFlaggedAt { get; set; }
    [Id(10)] public bool HasIdentityDocument { get; set; }
    [Id(11)] public RejectionGround? RejectionGround { get; set; }
    [Id(12)] public string? Outcome { get; set; }
    [Id(13)] public List<RequestStatusChange> History { get; set; } = [];
    [Id(14)] public List<RequesterMessage> Messages { get; set; } = [];
    [Id(15)] public List<string> ProcessorsNotified { get; set; } = [];
    [Id(16)] public DateTimeOffset? ClosedAt { get; set; }
    /// <summary>Set once the linked customer was erased and the requester's data forgotten (O7).</summary>
    [Id(17)] public DateTimeOffset? RequesterForgottenAt { get; set; }
    /// <summary>
    /// The customer being erased by this request, while the erasure runs: it unlinks the request on its way
    /// (<see cref="DataSubjectRequestGrain.ForgetRequester"/>), and a retry after a failure needs the id again.
    /// </summary>
    [Id(18)] public Guid? ErasingCustomer { get; set; }
    /// <summary>The language the requester asked in (nl, fr, de, en): every answer is mailed in it.</summary>
    [Id(19)] public string? Language { get; set; }
}
