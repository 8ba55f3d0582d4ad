using MyStamp.Audit.Contracts;
using MyStamp.BuildingBlocks.Errors;
using MyStamp.BuildingBlocks.Grains;
using MyStamp.Customers.Contracts;
using MyStamp.Keys.Contracts;
using MyStamp.Orders.Contracts;
using MyStamp.Privacy.AccessReports;
using MyStamp.Privacy.Audience;
using MyStamp.Privacy.Contracts;
using MyStamp.Privacy.Export;
using MyStamp.Privacy.Register;
using MyStamp.Studio.Contracts;

namespace MyStamp.Privacy.CustomerPrivacy;

/// <summary>An objection as it was recorded: which channel, how it reached us, when, and by whom.</summary>
[GenerateSerializer, Immutable]
[Alias("mystamp.privacy.recorded-objection")]
public sealed record RecordedObjection(
    [property: Id(0)] ObjectionChannel Channel,
    [property: Id(1)] ObjectionSource Source,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] Guid? RecordedBy);

/// <summary>The privacy state of one customer, stored under its own state name.</summary>
[GenerateSerializer]
[Alias("mystamp.privacy.customer-privacy-state")]
public sealed class CustomerPrivacyState : IPersonalState
{
    /// <summary>Sealed under the customer's key (the grain's key is the customer id).</summary>
    Guid? IPersonalState.DataSubject => null;

    [Id(0)] public bool SurveyObjection { get; set; }
    [Id(1)] public bool Restricted { get; set; }
    [Id(2)] public Guid? RestrictedByRequest { get; set; }
    [Id(3)] public DateTimeOffset? RestrictedAt { get; set; }
    [Id(4)] public int AcknowledgedPolicyVersion { get; set; }
    // Id 5 held the admin access log before the Audit module's trail replaced it: never reuse it.
    [Id(6)] public List<RecordedObjection> Objections { get; set; } = [];
}

/// <summary>
/// The privacy side of one customer. Advertising objections live in the customer grain (the Customers
/// module owns them); this grain records how each reached us, keeps the survey objection, the
/// restriction and the policy acknowledgement, and builds the access report and the export from the other
/// modules' contracts (which admins looked: the Audit module's trail).
/// </summary>
internal sealed class CustomerPrivacyGrain(
    [PersistentState("privacy-customer", GrainStorage.Name)] IPersistentState<CustomerPrivacyState> privacy,
    AudienceStore audience,
    TimeProvider clock,
    IGrainFactory grains) : Grain, ICustomerPrivacyGrain
{
    private static readonly AdvertisingChannel[] AllAdvertising = Enum.GetValues<AdvertisingChannel>();

    private Guid CustomerId => this.GetPrimaryKey();
    private ICustomerGrain Customer => grains.GetGrain<ICustomerGrain>(CustomerId);

    public async Task<ObjectionsView> Object(ObjectionChannel channel, ObjectionSource source, Guid? recordedBy)
    {
        if (!Enum.IsDefined(channel))
        {
            throw DomainException.Invalid("channel", "Choose a channel, All, or Surveys.");
        }
        await RequireProfile();
        if (channel == ObjectionChannel.Surveys)
        {
            privacy.State.SurveyObjection = true;
        }
        else
        {
            // Effective at once: the customer grain holds the objection every export reads (O4).
            await Customer.ObjectTo(channel == ObjectionChannel.All ? AllAdvertising : [(AdvertisingChannel)(int)channel], source);
        }
        privacy.State.Objections.Add(new RecordedObjection(channel, source, clock.GetUtcNow(), recordedBy));
        await privacy.WriteStateAsync();
        return await GetObjections();
    }

    public async Task<ObjectionsView> GetObjections()
    {
        var advertising = await Customer.GetObjections();
        return new ObjectionsView(advertising.Order().ToList(), privacy.State.SurveyObjection);
    }

    public Task<bool> IsRestricted() => Task.FromResult(privacy.State.Restricted);

    public async Task Restrict(Guid requestId)
    {
        if (privacy.State.Restricted)
        {
            return;
        }
        privacy.State.Restricted = true;
        privacy.State.RestrictedByRequest = requestId;
        privacy.State.RestrictedAt = clock.GetUtcNow();
        await privacy.WriteStateAsync();
    }

    public async Task<PolicyVersion?> GetPolicyNotice()
    {
        var profile = await Customer.GetProfile();
        if (profile is null)
        {
            return null;
        }
        var current = await grains.GetGrain<IPrivacyPolicyGrain>(0).GetCurrent();
        var seen = Math.Max(profile.AcceptedPolicyVersion, privacy.State.AcknowledgedPolicyVersion);
        return current.Version > seen ? current : null;
    }

    public async Task AcknowledgePolicy(int version)
    {
        var current = await grains.GetGrain<IPrivacyPolicyGrain>(0).GetCurrent();
        if (version < 1 || version > current.Version)
        {
            throw DomainException.Invalid("version", "No such policy version has been published.");
        }
        if (version > privacy.State.AcknowledgedPolicyVersion)
        {
            privacy.State.AcknowledgedPolicyVersion = version;
            await privacy.WriteStateAsync();
        }
    }

    public async Task<AccessReport> GetAccessReport()
    {
        var profile = await RequireProfile();
        var orders = await Orders();
        var designs = await Designs();
        var register = await grains.GetGrain<IProcessingRegisterGrain>(0).Get();
        var views = await grains.GetGrain<IPersonalDataViewsGrain>(CustomerId).List();
        return AccessReportBuilder.Build(
            profile, await GetObjections(), privacy.State.Restricted,
            orders.Select(o => new AccessReportRecord(o.OrderId, o.PlacedAt, $"Order of {o.Sheets} sheet(s), status {o.Status}")).ToList(),
            designs.Select(d => new AccessReportRecord(d.DesignId, d.UploadedAt, $"Photo for a {d.Format} stamp, {d.Status}; {KeptText(d.KeptPhoto)}")).ToList(),
            views.Select(view => new AdminAccess(view.AdminId, view.At, view.What)).ToList(), register, clock.GetUtcNow());
    }

    // The language: the request's when the PDF answers a request (the language that request's letters are in), else
    // the one stored with the account, which the customer chose and reads the shop and its e-mails in.
    public async Task<byte[]> GetAccessReportPdf(string? language)
    {
        var report = await GetAccessReport();
        return AccessReportPdf.Render(report, language ?? report.Profile.Language.Code());
    }

    public async Task<byte[]> ExportPersonalData(string? language)
    {
        var profile = await RequireProfile();
        var designs = await Designs();
        var photos = await Photos(designs);
        var requests = new List<ExportedRequest>();
        foreach (var entry in await grains.GetGrain<IDataSubjectRequestQueueGrain>(0).GetForCustomer(CustomerId))
        {
            if (await grains.GetGrain<IDataSubjectRequestGrain>(entry.RequestId).Get() is { } view)
            {
                requests.Add(new ExportedRequest(view.RequestId, view.Type, view.Status, view.ReceivedAt, view.DueBy, view.Requester, view.Details, view.Messages));
            }
        }
        var document = new ExportDocument(
            PersonalDataExport.FormatName,
            clock.GetUtcNow(),
            ProcessingRegisterCatalog.Controller.Name,
            profile,
            await GetObjections(),
            await Customer.GetObjectionRecords(),
            privacy.State.Restricted,
            privacy.State.AcknowledgedPolicyVersion,
            await Orders(),
            designs.Select(d => new ExportedDesign(d, photos.FirstOrDefault(p => p.DesignId == d.DesignId)?.FileName)).ToList(),
            requests);
        return PersonalDataExport.Build(document, photos, language ?? profile.Language.Code());
    }

    public async Task Forget()
    {
        await audience.Remove(CustomerId);
        if (privacy.RecordExists)
        {
            // DeleteStateOnClear: the row is deleted, not left as a tombstone.
            await privacy.ClearStateAsync();
        }
        DeactivateOnIdle();
    }

    private async Task<CustomerProfile> RequireProfile() =>
        await Customer.GetProfile() ?? throw DomainException.NotFound("The customer");

    private async Task<IReadOnlyList<OrderView>> Orders()
    {
        var orders = new List<OrderView>();
        foreach (var orderId in await Customer.GetOrderIds())
        {
            if (await grains.GetGrain<IOrderGrain>(orderId).Get() is { } order && order.CustomerId == CustomerId)
            {
                orders.Add(order);
            }
        }
        return orders;
    }

    /// <summary>What the studio keeps of the photo at the design's stage (README, Studio: "What is kept").</summary>
    private static string KeptText(KeptPhoto kept) => kept == KeptPhoto.CropOnly
        ? "we keep only the cropped area of the photo (for printing and on screen); the rest was deleted when you submitted the crop or ordered"
        : "we keep the whole photo while you choose the crop; once you submit the crop or order, only the cropped area is kept";

    private async Task<IReadOnlyList<DesignSummary>> Designs()
    {
        var designs = new List<DesignSummary>();
        foreach (var designId in await Customer.GetDesignIds())
        {
            if (await grains.GetGrain<IDesignGrain>(designId).GetSummary() is { } design && design.OwnerId == CustomerId)
            {
                designs.Add(design);
            }
        }
        return designs;
    }

    /// <summary>
    /// The photos of the customer's designs as stored (cleaned, no metadata), read through the Studio contract
    /// as their owner. A design whose photo is already gone (deleted unordered, or erased) has none to give.
    /// </summary>
    private async Task<IReadOnlyList<ExportPhoto>> Photos(IReadOnlyList<DesignSummary> designs)
    {
        var owner = new DesignViewer(CustomerId, IsAdmin: false);
        var photos = new List<ExportPhoto>();
        foreach (var design in designs)
        {
            try
            {
                var photo = await grains.GetGrain<IDesignGrain>(design.DesignId).GetOriginal(owner);
                photos.Add(new ExportPhoto(design.DesignId, $"photos/{design.DesignId}.jpg", photo.Content));
            }
            catch (DomainException e) when (e.Kind == DomainErrorKind.NotFound)
            {
            }
        }
        return photos;
    }
}
