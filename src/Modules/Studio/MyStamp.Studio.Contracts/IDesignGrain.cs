namespace MyStamp.Studio.Contracts;

/// <summary>
/// One stamp design: a cleaned photo, a stamp format and a crop, owned by one customer and moderated
/// by an admin. The key is a random id chosen at upload. Other modules use only the methods below.
/// </summary>
[Alias("mystamp.studio.design")]
public interface IDesignGrain : IGrainWithGuidKey
{
    /// <summary>What other modules need to know of a design, or null when no design has this id (or it was erased).</summary>
    Task<DesignSummary?> GetSummary();

    /// <summary>
    /// Tells the design that an order uses it: an ordered design is kept with the order, not cleaned up as unused.
    /// Only an approved design can be ordered (409 otherwise).
    /// </summary>
    Task MarkOrdered();

    /// <summary>
    /// Creates the design from an uploaded photo: checks that it is a JPEG, PNG or WebP that can be printed
    /// in the chosen format at 300 DPI, applies its EXIF orientation, strips every metadata profile, stores
    /// the cleaned photo and starts moderation. Fails with 400/413/415 for unacceptable files.
    /// </summary>
    Task<UploadedDesign> Upload(UploadPhoto command);

    /// <summary>The design as its owner (or an admin) sees it; 404 for anyone else.</summary>
    Task<DesignView> Get(DesignViewer viewer);

    /// <summary>
    /// Changes the stamp format and crop. The crop must have the format's aspect ratio, lie inside the photo
    /// and be large enough to print at 300 DPI. A changed design goes back to review.
    /// </summary>
    Task<DesignView> ChangeCrop(DesignViewer viewer, ChangeCrop command);

    /// <summary>
    /// The owner's "this is my stamp": the crop becomes final, and only that area of the photo is kept from now
    /// on (a print master and its screen copy); the full photo is deleted (data minimisation). Idempotent.
    /// An order does the same for a design its owner never submitted.
    /// </summary>
    Task<DesignView> Submit(DesignViewer viewer);

    /// <summary>The stamp preview: the cropped photo at screen size in a white perforated frame (PNG).</summary>
    Task<DesignFile> GetPreview(DesignViewer viewer);

    /// <summary>The print-ready sheet of stamps at 300 DPI with crop marks (PDF).</summary>
    Task<DesignFile> GetSheet(DesignViewer viewer);

    /// <summary>The cleaned photo scaled to screen size, for the crop editor (JPEG).</summary>
    Task<DesignFile> GetScreenPhoto(DesignViewer viewer);

    /// <summary>
    /// The photo as stored (JPEG, no metadata): the cleaned upload while the design is being cropped, the print
    /// master of the crop once it was submitted. What a data export hands back to its owner.
    /// </summary>
    Task<DesignFile> GetOriginal(DesignViewer viewer);

    /// <summary>An admin's moderation decision. A rejection needs a reason; an ordered design cannot be reviewed again.</summary>
    Task<DesignView> Review(ReviewDesign command);

    /// <summary>
    /// Erases the design: its state row, its photo and derived images, and its reminder. Idempotent: erasing an
    /// unknown or already erased design does nothing (O7).
    /// </summary>
    Task Erase();
}

/// <summary>Where a design stands in moderation: only approved designs can be ordered.</summary>
public enum DesignStatus
{
    PendingReview = 0,
    Approved = 1,
    Rejected = 2,
}

/// <summary>The stamp formats the studio offers (sizes in <see cref="StampFormats"/> and the README's Studio section).</summary>
public enum StampFormat
{
    SmallPortrait = 0,
    Landscape = 1,
    Square = 2,
}

/// <summary>How much of the uploaded photo a design keeps (README, Studio: "What is kept").</summary>
public enum KeptPhoto
{
    /// <summary>While the owner crops: the whole cleaned photo and its screen copy.</summary>
    FullPhoto = 0,

    /// <summary>Once submitted or ordered: the cropped area alone, as a print master and a screen copy.</summary>
    CropOnly = 1,
}

/// <summary>Why an admin rejected a design.</summary>
public enum RejectionReason
{
    Copyright = 0,
    OffensiveContent = 1,
    PoorQuality = 2,
}

/// <summary>An admin's verdict on a design.</summary>
public enum ReviewVerdict
{
    Approve = 0,
    Reject = 1,
}

/// <summary>A design as other modules see it, with how much of its photo is kept (for the Art. 15 report and the export).</summary>
[GenerateSerializer, Immutable]
[Alias("mystamp.studio.design-summary")]
public sealed record DesignSummary(
    [property: Id(0)] Guid DesignId,
    [property: Id(1)] Guid OwnerId,
    [property: Id(2)] DesignStatus Status,
    [property: Id(3)] StampFormat Format,
    [property: Id(4)] DateTimeOffset UploadedAt,
    [property: Id(5)] KeptPhoto KeptPhoto);

/// <summary>Who asks: the signed-in customer, and whether they act as an admin (admins see every design).</summary>
[GenerateSerializer, Immutable]
[Alias("mystamp.studio.design-viewer")]
public sealed record DesignViewer(
    [property: Id(0)] Guid CustomerId,
    [property: Id(1)] bool IsAdmin);

/// <summary>
/// An uploaded photo as received at the edge. The bytes are never modified (the record is immutable, so a
/// local grain call does not copy them). The file name is only used to check the type and never stored.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("mystamp.studio.upload-photo")]
public sealed record UploadPhoto(
    [property: Id(0)] Guid OwnerId,
    [property: Id(1)] byte[] Photo,
    [property: Id(2)] string? DeclaredContentType,
    [property: Id(3)] string? FileName,
    [property: Id(4)] StampFormat Format)
{
    /// <summary>The file name may be personal ("anna-at-home.jpg"): never logged.</summary>
    public override string ToString() => $"UploadPhoto {{ OwnerId = {OwnerId}, Bytes = {Photo.Length}, Format = {Format} }}";
}

/// <summary>What the upload answers: the new design, the cleaned photo's size, and advice that is not an error.</summary>
[GenerateSerializer, Immutable]
[Alias("mystamp.studio.uploaded-design")]
public sealed record UploadedDesign(
    [property: Id(0)] Guid DesignId,
    [property: Id(1)] int WidthPx,
    [property: Id(2)] int HeightPx,
    [property: Id(3)] IReadOnlyList<string> Warnings);

/// <summary>A crop rectangle in pixels of the cleaned (upright) photo.</summary>
[GenerateSerializer, Immutable]
[Alias("mystamp.studio.crop")]
public sealed record Crop(
    [property: Id(0)] int X,
    [property: Id(1)] int Y,
    [property: Id(2)] int Width,
    [property: Id(3)] int Height);

/// <summary>A new format and crop for a design.</summary>
[GenerateSerializer, Immutable]
[Alias("mystamp.studio.change-crop")]
public sealed record ChangeCrop(
    [property: Id(0)] StampFormat Format,
    [property: Id(1)] Crop Crop);

/// <summary>An admin's moderation decision; <see cref="Reason"/> is required for a rejection.</summary>
[GenerateSerializer, Immutable]
[Alias("mystamp.studio.review-design")]
public sealed record ReviewDesign(
    [property: Id(0)] Guid AdminId,
    [property: Id(1)] ReviewVerdict Decision,
    [property: Id(2)] RejectionReason? Reason);

/// <summary>A design as its owner or an admin sees it.</summary>
[GenerateSerializer, Immutable]
[Alias("mystamp.studio.design-view")]
public sealed record DesignView(
    [property: Id(0)] Guid DesignId,
    [property: Id(1)] Guid OwnerId,
    [property: Id(2)] DesignStatus Status,
    [property: Id(3)] StampFormat Format,
    [property: Id(4)] Crop Crop,
    [property: Id(5)] int WidthPx,
    [property: Id(6)] int HeightPx,
    [property: Id(7)] DateTimeOffset UploadedAt,
    [property: Id(8)] RejectionReason? RejectionReason,
    [property: Id(9)] bool Ordered,
    [property: Id(10)] DateTimeOffset? DeletedUnlessOrderedBy,
    [property: Id(11)] DateTimeOffset? SubmittedAt,
    [property: Id(12)] KeptPhoto KeptPhoto,
    [property: Id(13)] int KeptWidthPx,
    [property: Id(14)] int KeptHeightPx);

/// <summary>A rendered file of a design (preview, sheet, photo) with its media type.</summary>
[GenerateSerializer, Immutable]
[Alias("mystamp.studio.design-file")]
public sealed record DesignFile(
    [property: Id(0)] byte[] Content,
    [property: Id(1)] string ContentType);

