using MyStamp.BuildingBlocks.Errors;
using MyStamp.Privacy.Contracts;

namespace MyStamp.Privacy.Requests;

/// <summary>
/// Which decision may be taken in which status, and what each needs (O10):
/// Received → IdentityCheck → (MoreProofRequested) → InProgress → Fulfilled | Rejected.
/// </summary>
internal static class RequestLifecycle
{
    public const int MaxReasonLength = 4000;

    public static bool IsOpen(RequestStatus status) => status is not (RequestStatus.Fulfilled or RequestStatus.Rejected);

    /// <summary>The status a decision leads to from <paramref name="from"/>, or null when the lifecycle forbids it.</summary>
    public static RequestStatus? Next(RequestStatus from, DecisionKind decision) => (decision, from) switch
    {
        (DecisionKind.Verify, RequestStatus.IdentityCheck or RequestStatus.MoreProofRequested) => RequestStatus.InProgress,
        (DecisionKind.AskMoreProof, RequestStatus.IdentityCheck) => RequestStatus.MoreProofRequested,
        (DecisionKind.Fulfil, RequestStatus.InProgress) => RequestStatus.Fulfilled,
        (DecisionKind.Reject, _) when IsOpen(from) => RequestStatus.Rejected,
        (DecisionKind.Extend, _) when IsOpen(from) => from,
        _ => null,
    };

    /// <summary>More proof may be sent only after the shop asked for it.</summary>
    public static bool AcceptsProof(RequestStatus status) => status == RequestStatus.MoreProofRequested;

    /// <summary>The fields a decision needs: a reason (the explanation of a rejection), a ground for a rejection.</summary>
    public static void Validate(RequestDecision decision, RequestType type)
    {
        var errors = new FieldErrors();
        var needsReason = decision.Decision is DecisionKind.AskMoreProof or DecisionKind.Reject or DecisionKind.Extend
            || (decision.Decision == DecisionKind.Fulfil && type == RequestType.Rectification);
        if (needsReason && string.IsNullOrWhiteSpace(decision.Reason))
        {
            errors.Add("reason", decision.Decision switch
            {
                DecisionKind.Reject => "Explain why the request is rejected: the requester is told.",
                DecisionKind.AskMoreProof => "Say which proof of identity is needed.",
                DecisionKind.Extend => "Give the reason for the extension: the requester is told.",
                _ => "Say what was rectified.",
            });
        }
        if (decision.Reason is { Length: > MaxReasonLength })
        {
            errors.Add("reason", $"Keep the reason under {MaxReasonLength} characters.");
        }
        if (decision.Decision == DecisionKind.Reject && decision.Ground is null)
        {
            errors.Add("ground", "Choose the ground of the rejection.");
        }
        if (decision.Decision != DecisionKind.Reject && decision.Ground is not null)
        {
            errors.Add("ground", "A ground is given only with a rejection.");
        }
        if (decision.CustomerId is not null && decision.Decision != DecisionKind.Verify)
        {
            errors.Add("customerId", "The customer account is linked when the identity is verified.");
        }
        errors.ThrowIfAny();
    }
}
