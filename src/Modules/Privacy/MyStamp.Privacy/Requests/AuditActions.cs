namespace MyStamp.Privacy.Requests;

/// <summary>
/// Audit actions. Those in <see cref="WithTypedDetail"/> may hold what an admin typed (a reason, a
/// rectification): their detail is cleared when the requester is forgotten. Every other step's detail is
/// worded by the code and names no one.
/// </summary>
internal static class AuditActions
{
    public const string RequesterForgotten = "Requester's personal data erased";

    /// <summary>An admin was shown the request or its identity document; the detail says which (worded by the code).</summary>
    public const string LookedAt = "Looked at by an admin";

    public const string IdentityVerified = "Identity verified";
    public const string MoreProofRequested = "More proof of identity requested";
    public const string DeadlineExtended = "Deadline extended by two months";
    public const string Rejected = "Rejected";
    public const string Fulfilled = "Fulfilled";

    public static readonly string[] WithTypedDetail = [IdentityVerified, MoreProofRequested, DeadlineExtended, Rejected, Fulfilled];
}
