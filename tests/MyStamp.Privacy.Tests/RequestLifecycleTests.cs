using MyStamp.BuildingBlocks.Errors;
using MyStamp.Privacy.Contracts;
using MyStamp.Privacy.Requests;

namespace MyStamp.Privacy.Tests;

/// <summary>Received → IdentityCheck → (MoreProofRequested) → InProgress → Fulfilled | Rejected (O10).</summary>
public class RequestLifecycleTests
{
    private static readonly Guid Admin = Guid.NewGuid();

    [Theory]
    [InlineData(RequestStatus.IdentityCheck, DecisionKind.Verify, RequestStatus.InProgress)]
    [InlineData(RequestStatus.MoreProofRequested, DecisionKind.Verify, RequestStatus.InProgress)]
    [InlineData(RequestStatus.IdentityCheck, DecisionKind.AskMoreProof, RequestStatus.MoreProofRequested)]
    [InlineData(RequestStatus.InProgress, DecisionKind.Fulfil, RequestStatus.Fulfilled)]
    [InlineData(RequestStatus.IdentityCheck, DecisionKind.Reject, RequestStatus.Rejected)]
    [InlineData(RequestStatus.InProgress, DecisionKind.Reject, RequestStatus.Rejected)]
    [InlineData(RequestStatus.InProgress, DecisionKind.Extend, RequestStatus.InProgress)]
    public void Decisions_move_a_request_along_its_lifecycle(RequestStatus from, DecisionKind decision, RequestStatus to)
    {
        Assert.Equal(to, RequestLifecycle.Next(from, decision));
    }

    [Theory]
    [InlineData(RequestStatus.IdentityCheck, DecisionKind.Fulfil)]
    [InlineData(RequestStatus.MoreProofRequested, DecisionKind.Fulfil)]
    [InlineData(RequestStatus.InProgress, DecisionKind.Verify)]
    [InlineData(RequestStatus.MoreProofRequested, DecisionKind.AskMoreProof)]
    [InlineData(RequestStatus.Fulfilled, DecisionKind.Reject)]
    [InlineData(RequestStatus.Rejected, DecisionKind.Extend)]
    [InlineData(RequestStatus.Fulfilled, DecisionKind.Fulfil)]
    public void A_request_cannot_skip_the_identity_check_or_be_reopened(RequestStatus from, DecisionKind decision)
    {
        Assert.Null(RequestLifecycle.Next(from, decision));
    }

    [Fact]
    public void A_rejection_needs_a_ground_and_an_explanation()
    {
        var withoutBoth = Assert.Throws<DomainException>(() => RequestLifecycle.Validate(new RequestDecision(DecisionKind.Reject, Admin, null, null, null), RequestType.Access));
        Assert.Contains("reason", withoutBoth.FieldErrors.Keys);
        Assert.Contains("ground", withoutBoth.FieldErrors.Keys);

        var blankReason = Assert.Throws<DomainException>(() => RequestLifecycle.Validate(new RequestDecision(DecisionKind.Reject, Admin, "  ", RejectionGround.Excessive, null), RequestType.Access));
        Assert.Equal(["reason"], blankReason.FieldErrors.Keys);

        RequestLifecycle.Validate(new RequestDecision(DecisionKind.Reject, Admin, "Third identical request this month.", RejectionGround.Excessive, null), RequestType.Access);
    }

    [Theory]
    [InlineData(DecisionKind.Extend)]
    [InlineData(DecisionKind.AskMoreProof)]
    public void Extending_or_asking_more_proof_needs_a_reason_the_requester_is_told(DecisionKind decision)
    {
        var error = Assert.Throws<DomainException>(() => RequestLifecycle.Validate(new RequestDecision(decision, Admin, null, null, null), RequestType.Erasure));
        Assert.Equal(DomainErrorKind.Validation, error.Kind);
        Assert.Contains("reason", error.FieldErrors.Keys);
    }

    [Fact]
    public void A_ground_belongs_to_a_rejection_only()
    {
        var error = Assert.Throws<DomainException>(() => RequestLifecycle.Validate(new RequestDecision(DecisionKind.Verify, Admin, null, RejectionGround.Other, null), RequestType.Access));
        Assert.Contains("ground", error.FieldErrors.Keys);
    }
}
