using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MyStamp.BuildingBlocks.Errors;
using MyStamp.BuildingBlocks.Grains;
using MyStamp.Customers.Contracts;
using MyStamp.Keys.Contracts;
using MyStamp.Studio.Catalog;
using MyStamp.Studio.Contracts;
using MyStamp.Studio.Formats;
using MyStamp.Studio.Photos;
using MyStamp.Studio.Preview;
using MyStamp.Studio.Sheets;

namespace MyStamp.Studio.Designs;

/// <summary>The state of one design, stored under its own state name. The photo itself lives in the blob table.</summary>
[GenerateSerializer]
[Alias("mystamp.studio.design-state")]
public sealed class DesignState : IPersonalState
{
    [Id(0)] public Guid OwnerId { get; set; }

    Guid? IPersonalState.DataSubject => OwnerId == Guid.Empty ? null : OwnerId;
    [Id(1)] public DateTimeOffset UploadedAt { get; set; }
    [Id(2)] public int WidthPx { get; set; }
    [Id(3)] public int HeightPx { get; set; }
    [Id(4)] public StampFormat Format { get; set; }
    [Id(5)] public Crop Crop { get; set; } = new(0, 0, 0, 0);
    [Id(6)] public DesignStatus Status { get; set; }
    [Id(7)] public RejectionReason? RejectionReason { get; set; }
    [Id(8)] public DateTimeOffset? ReviewedAt { get; set; }
    /// <summary>When the design was first ordered; from then on it lives as long as the customer's orders do (O7).</summary>
    [Id(10)] public DateTimeOffset? FirstOrderedAt { get; set; }
    /// <summary>When the crop became final and only that area of the photo was kept (null while the owner crops).</summary>
    [Id(11)] public DateTimeOffset? SubmittedAt { get; set; }
    /// <summary>Size of the print master once submitted.</summary>
    [Id(12)] public int KeptWidthPx { get; set; }
    [Id(13)] public int KeptHeightPx { get; set; }
    /// <summary>How the stored full photo must be turned to be upright (EXIF numbering; 0 or 1: it is upright).</summary>
    [Id(14)] public ushort OriginalOrientation { get; set; }
}

/// <summary>
/// One design, from upload through moderation to an order, or to its deletion when it was never ordered.
/// Pixel work happens in the module's services (off the grain's scheduler); this grain decides.
/// </summary>
internal sealed partial class DesignGrain(
    [PersistentState("studio-design", GrainStorage.Name)] IPersistentState<DesignState> design,
    PhotoIntake intake,
    PrintMaster masters,
    StampPreview previews,
    PrintSheet sheets,
    DesignBlobs blobs,
    DesignCatalog catalog,
    IOptions<StudioOptions> options,
    TimeProvider clock,
    ILogger<DesignGrain> logger) : Grain, IDesignGrain, IRemindable
{
    /// <summary>The grain's own reminder that deletes it when it was never ordered.</summary>
    internal const string UnusedDesignReminder = "delete-unused-design";

    private Guid DesignId => this.GetPrimaryKey();

    private DateTimeOffset DeleteUnusedAt => design.State.UploadedAt.AddDays(options.Value.UnusedDesignRetentionDays);

    private bool Ordered => design.State.FirstOrderedAt is not null;

    private bool Submitted => design.State.SubmittedAt is not null;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // An ordered design whose photo was not yet reduced to its crop (the node stopped first) is reduced now.
        if (design.RecordExists && Ordered && !Submitted)
        {
            ReduceSoon();
        }
        return Task.CompletedTask;
    }

    public async Task<UploadedDesign> Upload(UploadPhoto command)
    {
        if (design.RecordExists)
        {
            throw DomainException.Conflict("This design has already been uploaded.");
        }
        var format = StampFormats.Of(Defined(command.Format, "format"));
        var photo = await intake.Clean(command.Photo, command.DeclaredContentType, command.FileName, format);

        // The customer learns of the design first, so that erasing the customer always finds its photo (O7).
        await GrainFactory.GetGrain<ICustomerGrain>(command.OwnerId).RecordDesignUploaded(DesignId);
        await blobs.Save(command.OwnerId, DesignId, BlobKind.Original, photo.Jpeg, "image/jpeg");
        await blobs.Save(command.OwnerId, DesignId, BlobKind.Screen, photo.ScreenJpeg, "image/jpeg");

        design.State = new DesignState
        {
            OwnerId = command.OwnerId,
            UploadedAt = clock.GetUtcNow(),
            WidthPx = photo.Width,
            HeightPx = photo.Height,
            Format = format.Format,
            Crop = CropGeometry.Centred(photo.Width, photo.Height, format),
            OriginalOrientation = photo.Orientation,
            Status = DesignStatus.PendingReview,
        };
        await design.WriteStateAsync();
        await catalog.Record(ToView());
        // Data minimisation: a design nobody orders is deleted after the retention period.
        await this.RegisterOrUpdateReminder(UnusedDesignReminder, Max(DeleteUnusedAt - clock.GetUtcNow(), TimeSpan.FromMinutes(1)), TimeSpan.FromDays(1));
        LogUploaded(DesignId, photo.Width, photo.Height);
        return new UploadedDesign(DesignId, photo.Width, photo.Height, photo.Warnings);
    }

    public Task<DesignSummary?> GetSummary() => Task.FromResult(design.RecordExists
        ? new DesignSummary(DesignId, design.State.OwnerId, design.State.Status, design.State.Format, design.State.UploadedAt, Submitted ? KeptPhoto.CropOnly : KeptPhoto.FullPhoto)
        : null);

    public Task<DesignView> Get(DesignViewer viewer)
    {
        EnsureVisibleTo(viewer);
        return Task.FromResult(ToView());
    }

    public async Task<DesignView> ChangeCrop(DesignViewer viewer, ChangeCrop command)
    {
        EnsureVisibleTo(viewer);
        if (viewer.CustomerId != design.State.OwnerId)
        {
            throw DomainException.Forbidden("Only the owner can change a design.");
        }
        if (Ordered)
        {
            throw DomainException.Conflict("This design has been ordered and can no longer change.");
        }
        var format = StampFormats.Of(Defined(command.Format, "format"));
        CropGeometry.Check(command.Crop, design.State.WidthPx, design.State.HeightPx, format).ThrowIfAny();
        if (format.Format == design.State.Format && command.Crop == design.State.Crop)
        {
            return ToView();
        }
        if (Submitted)
        {
            throw DomainException.Conflict("This design was submitted, and only its cropped area of the photo was kept. Upload the photo again to choose another crop.");
        }

        design.State.Format = format.Format;
        design.State.Crop = command.Crop;
        // What was reviewed is no longer what would be printed.
        design.State.Status = DesignStatus.PendingReview;
        design.State.RejectionReason = null;
        design.State.ReviewedAt = null;
        await blobs.Delete(DesignId, BlobKind.CropDependent);
        await design.WriteStateAsync();
        await catalog.Record(ToView());
        return ToView();
    }

    public async Task<DesignView> Submit(DesignViewer viewer)
    {
        EnsureVisibleTo(viewer);
        if (viewer.CustomerId != design.State.OwnerId)
        {
            throw DomainException.Forbidden("Only the owner can submit a design.");
        }
        await KeepOnlyTheCrop();
        return ToView();
    }

    public async Task<DesignFile> GetPreview(DesignViewer viewer)
    {
        EnsureVisibleTo(viewer);
        var format = StampFormats.Of(design.State.Format);
        var picture = StampPreview.PictureSizeOf(format);
        return await Derived(BlobKind.Preview, "image/png", picture.Width, picture.Height, source => previews.Render(source, design.State.Crop, format));
    }

    public async Task<DesignFile> GetSheet(DesignViewer viewer)
    {
        EnsureVisibleTo(viewer);
        var format = StampFormats.Of(design.State.Format);
        return await Derived(BlobKind.Sheet, "application/pdf", format.PrintWidthPx, format.PrintHeightPx, source => sheets.Render(source, design.State.Crop, format));
    }

    public async Task<DesignFile> GetScreenPhoto(DesignViewer viewer)
    {
        EnsureVisibleTo(viewer);
        return ToFile(await blobs.Load(DesignId, Submitted ? BlobKind.MasterScreen : BlobKind.Screen) ?? throw DomainException.NotFound("The design's photo"));
    }

    public async Task<DesignFile> GetOriginal(DesignViewer viewer)
    {
        EnsureVisibleTo(viewer);
        if (Submitted)
        {
            return ToFile(await blobs.Load(DesignId, BlobKind.PrintMaster) ?? throw DomainException.NotFound("The design's photo"));
        }
        var original = await blobs.Load(DesignId, BlobKind.Original) ?? throw DomainException.NotFound("The design's photo");
        return new DesignFile(await intake.UprightJpeg(original.Content, design.State.OriginalOrientation), original.ContentType);
    }

    public async Task<DesignView> Review(ReviewDesign command)
    {
        if (!design.RecordExists)
        {
            throw DomainException.NotFound("The design");
        }
        if (Ordered)
        {
            throw DomainException.Conflict("This design has been ordered; its review can no longer change.");
        }
        switch (Defined(command.Decision, "decision"))
        {
            case ReviewVerdict.Approve:
                design.State.Status = DesignStatus.Approved;
                design.State.RejectionReason = null;
                break;
            case ReviewVerdict.Reject:
                design.State.Status = DesignStatus.Rejected;
                design.State.RejectionReason = command.Reason is { } reason
                    ? Defined(reason, "reason")
                    : throw DomainException.Invalid("reason", "A rejection needs a reason: Copyright, OffensiveContent or PoorQuality.");
                break;
        }
        design.State.ReviewedAt = clock.GetUtcNow();
        await design.WriteStateAsync();
        await catalog.Record(ToView());
        LogReviewed(DesignId, design.State.Status, command.AdminId);
        return ToView();
    }

    public async Task MarkOrdered()
    {
        if (!design.RecordExists)
        {
            throw DomainException.NotFound("The design");
        }
        if (design.State.Status != DesignStatus.Approved)
        {
            throw DomainException.Conflict("Only an approved design can be ordered.");
        }
        if (Ordered)
        {
            // Every later order costs nothing: a bulk file orders one design thousands of times.
            return;
        }
        design.State.FirstOrderedAt = clock.GetUtcNow();
        await design.WriteStateAsync();
        await catalog.Record(ToView());
        // From now on the design lives as long as the customer's orders do (O7), not the unused-design period.
        // Should this fail, the reminder finds the design ordered and forgets itself.
        await ForgetReminder();
        // An ordered design never changes again: only its crop is kept. Off the order's path: it takes a decode.
        ReduceSoon();
    }

    /// <summary>
    /// Keeps only the cropped area: the print master and its screen copy are written, then the state says so,
    /// then the full photo is deleted. A stop between the steps is finished by the next call (idempotent).
    /// </summary>
    private async Task KeepOnlyTheCrop()
    {
        if (!Submitted)
        {
            // The screen copy is enough when it has the master's pixels across the crop (a large crop): a decode of
            // 2 MP instead of 12.
            var (masterWidth, masterHeight) = PrintMaster.SizeFor(design.State.Crop);
            var fromScreen = StoredPicture.ScreenCopySuffices(design.State.WidthPx, design.State.HeightPx, design.State.Crop, masterWidth, masterHeight, oversample: 1);
            var source = await blobs.Load(DesignId, fromScreen ? BlobKind.Screen : BlobKind.Original) ?? throw DomainException.NotFound("The design's photo");
            var kept = await masters.Cut(new StoredPicture(source.Content, WholePhoto, fromScreen ? PhotoIntake.Upright : design.State.OriginalOrientation), design.State.Crop);
            await blobs.Save(design.State.OwnerId, DesignId, BlobKind.PrintMaster, kept.MasterJpeg, "image/jpeg");
            await blobs.Save(design.State.OwnerId, DesignId, BlobKind.MasterScreen, kept.ScreenJpeg, "image/jpeg");
            design.State.SubmittedAt = clock.GetUtcNow();
            design.State.KeptWidthPx = kept.Width;
            design.State.KeptHeightPx = kept.Height;
            await design.WriteStateAsync();
            await catalog.Record(ToView());
            LogReduced(DesignId, kept.Width, kept.Height);
        }
        await blobs.Delete(DesignId, BlobKind.FullPhoto);
    }

    /// <summary>Reduces the photo to its crop right after the current call, on the grain's own turn.</summary>
    private void ReduceSoon() =>
        this.RegisterGrainTimer(async _ =>
        {
            if (design.RecordExists && !Submitted)
            {
                await KeepOnlyTheCrop();
            }
        }, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan) { KeepAlive = true });

    public async Task Erase()
    {
        await ForgetReminder();
        await blobs.DeleteAll(DesignId);
        await catalog.Remove(DesignId);
        if (design.RecordExists)
        {
            await design.ClearStateAsync();
        }
        design.State = new DesignState();
        LogErased(DesignId);
        DeactivateOnIdle();
    }

    public async Task ReceiveReminder(string reminderName, Orleans.Runtime.TickStatus status)
    {
        if (reminderName != UnusedDesignReminder)
        {
            return;
        }
        if (!design.RecordExists || Ordered)
        {
            await ForgetReminder();
            return;
        }
        // Reminders run on wall-clock time; the deadline is checked against the injected clock.
        if (clock.GetUtcNow() >= DeleteUnusedAt)
        {
            await Erase();
        }
    }

    private Crop WholePhoto => new(0, 0, design.State.WidthPx, design.State.HeightPx);

    /// <summary>
    /// A derived image, rendered once and kept: from the print master once submitted; before that from the
    /// screen copy when it has twice the output's pixels across the crop, else from the full photo.
    /// </summary>
    private async Task<DesignFile> Derived(string kind, string contentType, int outputWidth, int outputHeight, Func<StoredPicture, Task<byte[]>> render)
    {
        if (await blobs.Load(DesignId, kind) is { } cached)
        {
            return ToFile(cached);
        }
        var (sourceKind, shows) = Submitted
            ? (BlobKind.PrintMaster, design.State.Crop)
            : StoredPicture.ScreenCopySuffices(design.State.WidthPx, design.State.HeightPx, design.State.Crop, outputWidth, outputHeight)
                ? (BlobKind.Screen, WholePhoto)
                : (BlobKind.Original, WholePhoto);
        var source = await blobs.Load(DesignId, sourceKind) ?? throw DomainException.NotFound("The design's photo");
        var orientation = sourceKind == BlobKind.Original ? design.State.OriginalOrientation : PhotoIntake.Upright;
        var content = await render(new StoredPicture(source.Content, shows, orientation));
        await blobs.Save(design.State.OwnerId, DesignId, kind, content, contentType);
        return new DesignFile(content, contentType);
    }

    private async Task ForgetReminder()
    {
        if (await this.GetReminder(UnusedDesignReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    /// <summary>Someone else's design is answered as if it did not exist; admins see every design.</summary>
    private void EnsureVisibleTo(DesignViewer viewer)
    {
        if (!design.RecordExists || (!viewer.IsAdmin && viewer.CustomerId != design.State.OwnerId))
        {
            throw DomainException.NotFound("The design");
        }
    }

    private DesignView ToView() => new(
        DesignId,
        design.State.OwnerId,
        design.State.Status,
        design.State.Format,
        design.State.Crop,
        design.State.WidthPx,
        design.State.HeightPx,
        design.State.UploadedAt,
        design.State.RejectionReason,
        Ordered,
        Ordered ? null : DeleteUnusedAt,
        design.State.SubmittedAt,
        Submitted ? KeptPhoto.CropOnly : KeptPhoto.FullPhoto,
        Submitted ? design.State.KeptWidthPx : design.State.WidthPx,
        Submitted ? design.State.KeptHeightPx : design.State.HeightPx);

    private static DesignFile ToFile(StoredBlob blob) => new(blob.Content, blob.ContentType);

    private static T Defined<T>(T value, string field) where T : struct, Enum =>
        Enum.IsDefined(value) ? value : throw DomainException.Invalid(field, $"Unknown {field}: choose one of {string.Join(", ", Enum.GetNames<T>())}.");

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    [LoggerMessage(Level = LogLevel.Information, Message = "Design {DesignId} uploaded ({Width} x {Height} px, metadata stripped)")]
    private partial void LogUploaded(Guid designId, int width, int height);

    [LoggerMessage(Level = LogLevel.Information, Message = "Design {DesignId} reviewed: {Status} by admin {AdminId}")]
    private partial void LogReviewed(Guid designId, DesignStatus status, Guid adminId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Design {DesignId} submitted: only the crop is kept ({Width} x {Height} px)")]
    private partial void LogReduced(Guid designId, int width, int height);

    [LoggerMessage(Level = LogLevel.Information, Message = "Design {DesignId} erased with its photos")]
    private partial void LogErased(Guid designId);
}
