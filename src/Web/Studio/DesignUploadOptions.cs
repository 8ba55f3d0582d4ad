namespace MyStamp.Web.Studio;

/// <summary>
/// The upload limit as the HTTP edge applies it, bound from the same "Studio" section the Studio module reads
/// (Studio:MaxUploadMegabytes, default 25), so one setting governs both.
/// </summary>
public sealed class DesignUploadOptions
{
    public const string Section = "Studio";

    public int MaxUploadMegabytes { get; set; } = 25;

    public long MaxUploadBytes => MaxUploadMegabytes * 1024L * 1024L;

    /// <summary>Room for the multipart boundaries, headers and the small form fields around the photo.</summary>
    public const long FormOverheadBytes = 64 * 1024;
}
