using MyStamp.Privacy.Contracts;

namespace MyStamp.Web.Privacy;

/// <summary>
/// A request's kind, status, channel, decision and rejection ground in words, as English keys of the shop's text
/// (<c>T[RequestWords.Status(...)]</c> shows them in the reader's language); never the code names.
/// </summary>
public static class RequestWords
{
    public static string Type(RequestType type) => type switch
    {
        RequestType.Access => "Access",
        RequestType.Rectification => "Rectification",
        RequestType.Erasure => "Erasure",
        RequestType.Restriction => "Restriction",
        RequestType.Portability => "Portability",
        _ => "Objection",
    };

    public static string Status(RequestStatus status) => status switch
    {
        RequestStatus.Received => "Received",
        RequestStatus.IdentityCheck => "Checking your identity",
        RequestStatus.MoreProofRequested => "More proof of identity needed",
        RequestStatus.InProgress => "Being handled",
        RequestStatus.Fulfilled => "Handled",
        _ => "Refused",
    };

    public static string Channel(RequestChannel channel) => channel == RequestChannel.Post ? "By post" : "Web form";

    public static string Decision(DecisionKind decision) => decision switch
    {
        DecisionKind.Verify => "Identity verified",
        DecisionKind.AskMoreProof => "Ask for more proof of identity",
        DecisionKind.Fulfil => "Fulfil the request",
        DecisionKind.Reject => "Reject the request",
        _ => "Extend the deadline by two months",
    };

    public static string Ground(RejectionGround ground) => ground switch
    {
        RejectionGround.ManifestlyUnfounded => "Manifestly unfounded",
        RejectionGround.Excessive => "Excessive (e.g. repeated)",
        RejectionGround.IdentityNotVerified => "Identity could not be verified",
        RejectionGround.NoDataHeld => "No data held",
        _ => "Another reason",
    };
}
