using MyStamp.Studio.Contracts;

namespace MyStamp.Web.Studio;

/// <summary>How the studio's states read on a page.</summary>
public static class StudioText
{
    public static string Status(DesignStatus status) => status switch
    {
        DesignStatus.PendingReview => "Waiting for review",
        DesignStatus.Approved => "Approved: ready to order",
        DesignStatus.Rejected => "Rejected",
        _ => status.ToString(),
    };

    public static string Reason(RejectionReason reason) => reason switch
    {
        RejectionReason.Copyright => "the photo seems to be protected by someone else's copyright",
        RejectionReason.OffensiveContent => "the photo shows offensive content",
        RejectionReason.PoorQuality => "the photo's quality is too poor to print well",
        _ => reason.ToString(),
    };
}
