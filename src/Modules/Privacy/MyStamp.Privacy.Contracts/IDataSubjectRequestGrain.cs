namespace MyStamp.Privacy.Contracts;

/// <summary>
/// One data-subject request (O8–O10), keyed by a random id chosen at submission. Lifecycle:
/// Received → IdentityCheck → (MoreProofRequested) → InProgress → Fulfilled | Rejected, due one month
/// after receipt (GDPR Art. 12(3)), extendable once by two months with a reason while the first month
/// runs. Every step is written to an append-only audit trail.
/// </summary>
[Alias("mystamp.privacy.data-subject-request")]
public interface IDataSubjectRequestGrain : IGrainWithGuidKey
{
    /// <summary>Submits the request (web form or a postal request recorded by an admin). Submitting twice is refused.</summary>
    Task<DataSubjectRequestView> Submit(SubmitDataSubjectRequest command);

    /// <summary>An admin decides the next step; a broken rule throws and changes nothing.</summary>
    Task<DataSubjectRequestView> Decide(RequestDecision decision);

    /// <summary>More proof of identity, after the shop asked for it: back to the identity check.</summary>
    Task<DataSubjectRequestView> AddProof(IdentityDocumentUpload document, Guid submittedBy);

    /// <summary>The request, or null when none has this id.</summary>
    Task<DataSubjectRequestView?> Get();

    /// <summary>Every step taken, oldest first. Nobody can change it.</summary>
    Task<IReadOnlyList<RequestAuditEntry>> GetAuditTrail();

    /// <summary>The redacted identity document while the identity check runs; null once it is decided (O9).</summary>
    Task<IdentityDocumentImage?> GetIdentityDocument();

    /// <summary>
    /// Records in the request's own trail that an admin is being shown the request or its identity document
    /// (<paramref name="what"/>, worded by the code, names no one). For requesters without an account this trail
    /// is the record of who looked at their data; it is kept, and its details forgotten, with the request.
    /// Call it before showing anything; 404 when no request has this id.
    /// </summary>
    Task RecordLook(Guid adminId, string what);

    /// <summary>Flags the request as overdue when its due date has passed and it is still open; true when it did.</summary>
    Task<bool> FlagIfOverdue();

    /// <summary>
    /// Forgets the requester (O7): their contact details and what they wrote, every text an admin typed about
    /// them (in the messages, the outcome and the audit trail), and the identity document, and unlinks the
    /// request from any customer. What proves the request was handled stays: its type, dates, status history,
    /// the processors told, and the audit steps without their typed text. Idempotent. Called for every request
    /// linked to a customer being erased, and for every request closed three years ago
    /// (<see cref="RequesterForgottenBecause.RetentionPeriodEnded"/>, which the request checks on its own clock).
    /// True when this call forgot them.
    /// </summary>
    Task<bool> ForgetRequester(RequesterForgottenBecause because);
}

/// <summary>
/// The admin queue and a requester's own list, read from the requests table. Never holds contact details.
/// </summary>
[Alias("mystamp.privacy.request-queue")]
public interface IDataSubjectRequestQueueGrain : IGrainWithIntegerKey
{
    /// <summary>Requests, oldest due date first; open ones only unless <paramref name="includeClosed"/>.</summary>
    Task<IReadOnlyList<RequestQueueEntry>> GetQueue(bool includeClosed);

    /// <summary>The requests linked to one customer, newest first.</summary>
    Task<IReadOnlyList<RequestQueueEntry>> GetForCustomer(Guid customerId);
}

/// <summary>The rights of GDPR Art. 15–21 a request can be about (O8).</summary>
public enum RequestType
{
    Access = 0,
    Rectification = 1,
    Erasure = 2,
    Restriction = 3,
    Portability = 4,
    Objection = 5,
}

/// <summary>Where a request stands.</summary>
public enum RequestStatus
{
    Received = 0,
    IdentityCheck = 1,
    MoreProofRequested = 2,
    InProgress = 3,
    Fulfilled = 4,
    Rejected = 5,
}

/// <summary>How the request reached us.</summary>
public enum RequestChannel
{
    WebForm = 0,
    /// <summary>A signed letter, recorded by an admin.</summary>
    Post = 1,
}

/// <summary>What an admin decides.</summary>
public enum DecisionKind
{
    /// <summary>The identity is proven: the identity document is deleted and the work starts.</summary>
    Verify = 0,
    /// <summary>Ask for more proof of identity (the reason says what).</summary>
    AskMoreProof = 1,
    /// <summary>Carry out the request.</summary>
    Fulfil = 2,
    /// <summary>Refuse it, with a ground and an explanation.</summary>
    Reject = 3,
    /// <summary>Extend the deadline once by two months, with a reason, during the first month.</summary>
    Extend = 4,
}

/// <summary>Why a request is refused (GDPR Art. 12(5), O10).</summary>
public enum RejectionGround
{
    ManifestlyUnfounded = 0,
    /// <summary>Excessive, in particular because repetitive.</summary>
    Excessive = 1,
    IdentityNotVerified = 2,
    NoDataHeld = 3,
    Other = 4,
}

/// <summary>The requester's contact details: personal data, kept minimal and never logged.</summary>
[GenerateSerializer, Immutable]
[Alias("mystamp.privacy.requester")]
public sealed record Requester(
    [property: Id(0)] string FirstName,
    [property: Id(1)] string LastName,
    [property: Id(2)] string? Email,
    [property: Id(3)] string? Address)
{
    /// <summary>What a request shows in place of its requester once the customer it is linked to was erased (O7).</summary>
    public static Requester Erased { get; } = new("(erased)", "(erased)", null, null);

    public override string ToString() => "Requester { redacted }";
}

/// <summary>A rectangle to black out, in pixels of the image as the browser shows it (orientation applied).</summary>
[GenerateSerializer, Immutable]
[Alias("mystamp.privacy.redaction-area")]
public sealed record RedactionArea(
    [property: Id(0)] double X,
    [property: Id(1)] double Y,
    [property: Id(2)] double Width,
    [property: Id(3)] double Height);

/// <summary>
/// An identity document as uploaded, with the areas to black out. Only the redacted image is ever
/// stored (O9): the original bytes live in memory for the duration of one call.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("mystamp.privacy.identity-document-upload")]
public sealed record IdentityDocumentUpload(
    [property: Id(0)] byte[] Content,
    [property: Id(1)] IReadOnlyList<RedactionArea> Redactions)
{
    public override string ToString() => $"IdentityDocumentUpload {{ Bytes = {Content.Length}, Redactions = {Redactions.Count} }}";
}

/// <summary>The stored (redacted, metadata-free) identity document.</summary>
[GenerateSerializer, Immutable]
[Alias("mystamp.privacy.identity-document-image")]
public sealed record IdentityDocumentImage(
    [property: Id(0)] string MediaType,
    [property: Id(1)] byte[] Content)
{
    public override string ToString() => $"IdentityDocumentImage {{ Bytes = {Content.Length} }}";
}

/// <summary>A new request.</summary>
/// <param name="CustomerId">The signed-in customer asking about their own account (no document needed), or the account an admin linked.</param>
/// <param name="RecordedBy">The admin who recorded a postal request; null for the web form.</param>
/// <param name="ReceivedOn">For postal requests: the day the letter arrived (the deadline counts from it). Null: now.</param>
[GenerateSerializer, Immutable]
[Alias("mystamp.privacy.submit-request")]
public sealed record SubmitDataSubjectRequest(
    [property: Id(0)] RequestType Type,
    [property: Id(1)] RequestChannel Channel,
    [property: Id(2)] Requester Requester,
    [property: Id(3)] string? Details,
    [property: Id(4)] Guid? CustomerId,
    [property: Id(5)] Guid? RecordedBy,
    [property: Id(6)] DateOnly? ReceivedOn,
    [property: Id(7)] IdentityDocumentUpload? IdentityDocument)
{
    /// <summary>The language the requester asked in (nl, fr, de, en; Dutch when unknown): every answer is mailed in it.</summary>
    [Id(8)] public string? Language { get; init; }

    public override string ToString() => $"SubmitDataSubjectRequest {{ Type = {Type}, Channel = {Channel} }}";
}

/// <summary>An admin's decision.</summary>
/// <param name="Reason">Required for AskMoreProof, Reject (the explanation), Extend and Rectification fulfilment.</param>
/// <param name="Ground">Required for Reject.</param>
/// <param name="CustomerId">With Verify: the customer account the verified requester holds.</param>
[GenerateSerializer, Immutable]
[Alias("mystamp.privacy.request-decision")]
public sealed record RequestDecision(
    [property: Id(0)] DecisionKind Decision,
    [property: Id(1)] Guid DecidedBy,
    [property: Id(2)] string? Reason,
    [property: Id(3)] RejectionGround? Ground,
    [property: Id(4)] Guid? CustomerId);

/// <summary>A status the request reached, and when.</summary>
[GenerateSerializer, Immutable]
[Alias("mystamp.privacy.request-status-change")]
public sealed record RequestStatusChange(
    [property: Id(0)] RequestStatus Status,
    [property: Id(1)] DateTimeOffset At);

/// <summary>A message to the requester (the answer, a request for proof, an extension notice).</summary>
[GenerateSerializer, Immutable]
[Alias("mystamp.privacy.requester-message")]
public sealed record RequesterMessage(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Subject,
    [property: Id(2)] string Body);

/// <summary>The request as the requester and admins see it. Holds contact details: never logged.</summary>
[GenerateSerializer, Immutable]
[Alias("mystamp.privacy.request-view")]
public sealed record DataSubjectRequestView(
    [property: Id(0)] Guid RequestId,
    [property: Id(1)] RequestType Type,
    [property: Id(2)] RequestStatus Status,
    [property: Id(3)] RequestChannel Channel,
    [property: Id(4)] Requester Requester,
    [property: Id(5)] string? Details,
    [property: Id(6)] Guid? CustomerId,
    [property: Id(7)] DateTimeOffset ReceivedAt,
    [property: Id(8)] DateOnly DueBy,
    [property: Id(9)] bool Extended,
    [property: Id(10)] bool Overdue,
    [property: Id(11)] bool HasIdentityDocument,
    [property: Id(12)] RejectionGround? RejectionGround,
    [property: Id(13)] string? Outcome,
    [property: Id(14)] IReadOnlyList<RequestStatusChange> History,
    [property: Id(15)] IReadOnlyList<RequesterMessage> Messages,
    [property: Id(16)] IReadOnlyList<string> ProcessorsNotified)
{
    /// <summary>The language every letter and e-mail of the request is written in (nl, fr, de, en).</summary>
    [Id(17)] public string Language { get; init; } = "nl";

    public override string ToString() => $"DataSubjectRequestView {{ RequestId = {RequestId}, Type = {Type}, Status = {Status} }}";
}

/// <summary>One line of the audit trail: who did what, when. Actor is "admin:&lt;id&gt;", "customer:&lt;id&gt;", "requester" or "system".</summary>
[GenerateSerializer, Immutable]
[Alias("mystamp.privacy.request-audit-entry")]
public sealed record RequestAuditEntry(
    [property: Id(0)] long Sequence,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Actor,
    [property: Id(3)] string Action,
    [property: Id(4)] string? Detail);

/// <summary>A row of the queue: no contact details.</summary>
[GenerateSerializer, Immutable]
[Alias("mystamp.privacy.request-queue-entry")]
public sealed record RequestQueueEntry(
    [property: Id(0)] Guid RequestId,
    [property: Id(1)] RequestType Type,
    [property: Id(2)] RequestStatus Status,
    [property: Id(3)] RequestChannel Channel,
    [property: Id(4)] DateTimeOffset ReceivedAt,
    [property: Id(5)] DateOnly DueBy,
    [property: Id(6)] bool Extended,
    [property: Id(7)] bool Overdue,
    [property: Id(8)] Guid? CustomerId);

/// <summary>Why a request's requester is forgotten.</summary>
public enum RequesterForgottenBecause
{
    /// <summary>The customer the request is linked to was erased.</summary>
    CustomerErased,

    /// <summary>The request was closed three years ago (the retention period of the policy, O7).</summary>
    RetentionPeriodEnded,
}
