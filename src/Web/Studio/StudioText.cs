using MyStamp.Studio.Contracts;

namespace MyStamp.Web.Studio;

/// <summary>How the studio's states read on a page: English keys of <c>ShopText</c>, translated by the page (<c>T[…]</c>).</summary>
public static class StudioText
{
    public static string Status(DesignStatus status) => status switch
    {
        DesignStatus.PendingReview => "Waiting for review",
        DesignStatus.Approved => "Approved: ready to order",
        DesignStatus.Rejected => "Rejected",
        _ => status.ToString(),
    };

    /// <summary>What happens next, in words: the customer's part or ours.</summary>
    public static string Next(DesignStatus status, bool submitted) => status switch
    {
        DesignStatus.Approved => "Approved: you can order this stamp now.",
        DesignStatus.Rejected => "We cannot print this design. You can upload another photo and try again.",
        _ when submitted => "We are checking your design, usually within two working days. You can order it as soon as it is approved.",
        _ => "Crop your photo and submit it. We then check it, usually within two working days.",
    };

    public static string Reason(RejectionReason reason) => reason switch
    {
        RejectionReason.Copyright => "the photo seems to be protected by someone else's copyright",
        RejectionReason.OffensiveContent => "the photo shows offensive content",
        RejectionReason.PoorQuality => "the photo's quality is too poor to print well",
        _ => reason.ToString(),
    };
}
