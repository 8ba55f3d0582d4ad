using System.Globalization;
using MyStamp.BuildingBlocks.Errors;
using MyStamp.BuildingBlocks.Grains;
using MyStamp.Retention.Contracts;
using MyStamp.Customers.Contracts;
using MyStamp.Keys.Contracts;
using MyStamp.Privacy.Contracts;
using MyStamp.Privacy.IdentityDocuments;
using MyStamp.Privacy.Mail;
using MyStamp.Mail.Contracts;
using MyStamp.Privacy.Register;

namespace MyStamp.Privacy.Requests;

/// <summary>
/// One data-subject request. Reads top to bottom as its lifecycle: submit, decide (verify, ask more
/// proof, fulfil, reject, extend), more proof, overdue flag, and forgetting the requester once their
/// customer account is erased. Each change writes the state, then the queue row and the audit steps in one
/// transaction.
/// </summary>
internal sealed partial class DataSubjectRequestGrain(
    [PersistentState("privacy-request", GrainStorage.Name)] IPersistentState<DataSubjectRequestState> request,
    RequestStore store,
    IdentityDocumentStore documents,
    IdentityDocumentRedactor redactor,
    TimeProvider clock,
    IGrainFactory grains,
    IPersonalDataProtector protector,
    RequesterMails mails) : Grain, IDataSubjectRequestGrain
{
    private Guid RequestId => this.GetPrimaryKey();
    private DataSubjectRequestState State => request.State;

    public async Task<DataSubjectRequestView> Submit(SubmitDataSubjectRequest command)
    {
        if (request.RecordExists)
        {
            throw DomainException.Conflict("This request has already been submitted.");
        }
        var now = clock.GetUtcNow();
        var today = BrusselsCalendar.DateOf(now);
        RequesterValidation.Validate(command, today);
        var identityBySignIn = command.Channel == RequestChannel.WebForm && command.CustomerId is not null;
        // A signed-in customer asking about their own account needs no document: none is kept (O9).
        var document = identityBySignIn || command.IdentityDocument is null ? null : await redactor.Redact(command.IdentityDocument);
        if (command.Channel == RequestChannel.Post && command.CustomerId is { } linked)
        {
            await RequireCustomer(linked);
        }

        var receivedOn = command.ReceivedOn ?? today;
        request.State = new DataSubjectRequestState
        {
            Type = command.Type,
            Channel = command.Channel,
            Requester = Trim(command.Requester),
            Details = string.IsNullOrWhiteSpace(command.Details) ? null : command.Details.Trim(),
            CustomerId = command.CustomerId,
            ReceivedAt = now,
            ReceivedOn = receivedOn,
            HasIdentityDocument = document is not null,
            Language = MailLanguages.Normalise(command.Language),
        };
        var steps = new List<AuditStep>
        {
            new(command.RecordedBy is { } admin ? Admin(admin) : command.CustomerId is { } customer ? Customer(customer) : "requester",
                "Received", $"{command.Type} request by {(command.Channel == RequestChannel.Post ? $"post, received on {receivedOn:yyyy-MM-dd}" : "web form")}"),
        };
        MoveTo(RequestStatus.Received, now);
        if (document is not null)
        {
            await documents.Save(RequestId, document, now);
            steps.Add(new("system", "Identity document stored", $"Redacted ({command.IdentityDocument!.Redactions.Count} areas blacked out), metadata removed"));
        }
        if (identityBySignIn)
        {
            MoveTo(RequestStatus.InProgress, now);
            steps.Add(new("system", "Identity established", "The requester is signed in and asks about their own account"));
        }
        else
        {
            MoveTo(RequestStatus.IdentityCheck, now);
            steps.Add(new("system", "Identity check started"));
        }
        TellReceived(now, command.Type, receivedOn);
        await Save(now, steps);
        await MailAnswers(State.Requester!);
        return ToView(today);
    }

    public async Task<DataSubjectRequestView> Decide(RequestDecision decision)
    {
        RequireExists();
        if (decision.DecidedBy == Guid.Empty)
        {
            throw DomainException.Forbidden("Only an admin decides on requests.");
        }
        RequestLifecycle.Validate(decision, State.Type);
        var next = RequestLifecycle.Next(State.Status, decision.Decision)
            ?? throw DomainException.Conflict($"A request in status {State.Status} cannot take the decision {decision.Decision}.");
        var now = clock.GetUtcNow();
        var today = BrusselsCalendar.DateOf(now);
        var actor = Admin(decision.DecidedBy);
        var reason = decision.Reason?.Trim();
        // Read before deciding: an erasure forgets the requester on its way, and its answer must still reach them.
        var requester = State.Requester!;
        var steps = new List<AuditStep>();

        switch (decision.Decision)
        {
            case DecisionKind.Verify:
                if (decision.CustomerId is { } customerId)
                {
                    await RequireCustomer(customerId);
                    State.CustomerId = customerId;
                }
                steps.Add(new(actor, AuditActions.IdentityVerified, decision.CustomerId is { } id ? $"Linked to customer {id}" : reason));
                await DeleteIdentityDocument(steps);
                break;
            case DecisionKind.AskMoreProof:
                steps.Add(new(actor, AuditActions.MoreProofRequested, reason));
                TellMoreProofNeeded(now, reason);
                break;
            case DecisionKind.Extend:
                if (DueDates.WhyNotExtendable(State.ReceivedOn, State.Extended, today) is { } why)
                {
                    throw DomainException.Conflict(why);
                }
                State.Extended = true;
                steps.Add(new(actor, AuditActions.DeadlineExtended, $"New due date {DueBy:yyyy-MM-dd}. Reason: {reason}"));
                TellExtended(now, reason);
                break;
            case DecisionKind.Reject:
                var ground = decision.Ground!.Value;
                State.RejectionGround = ground;
                State.Outcome = reason;
                steps.Add(new(actor, AuditActions.Rejected, $"{ground}: {reason}"));
                await DeleteIdentityDocument(steps);
                TellRefused(now, ground, reason);
                break;
            case DecisionKind.Fulfil:
                State.Outcome = await Fulfil(actor, reason, steps);
                steps.Add(new(actor, AuditActions.Fulfilled, State.Outcome));
                TellHandled(now, reason);
                break;
        }
        if (next != State.Status)
        {
            MoveTo(next, now);
        }
        await Save(now, steps);
        await MailAnswers(requester);
        return ToView(today);
    }

    public async Task<DataSubjectRequestView> AddProof(IdentityDocumentUpload document, Guid submittedBy)
    {
        RequireExists();
        if (!RequestLifecycle.AcceptsProof(State.Status))
        {
            throw DomainException.Conflict("More proof is only needed after we asked for it.");
        }
        var redacted = await redactor.Redact(document);
        var now = clock.GetUtcNow();
        await documents.Save(RequestId, redacted, now);
        State.HasIdentityDocument = true;
        MoveTo(RequestStatus.IdentityCheck, now);
        await Save(now, [new(Customer(submittedBy), "More proof of identity sent", $"Redacted ({document.Redactions.Count} areas blacked out), metadata removed")]);
        return ToView(BrusselsCalendar.DateOf(now));
    }

    public Task<DataSubjectRequestView?> Get() =>
        Task.FromResult(request.RecordExists ? ToView(BrusselsCalendar.Today(clock)) : null);

    public Task<IReadOnlyList<RequestAuditEntry>> GetAuditTrail() =>
        request.RecordExists ? store.AuditTrail(RequestId) : Task.FromResult<IReadOnlyList<RequestAuditEntry>>([]);

    public async Task<IdentityDocumentImage?> GetIdentityDocument() =>
        request.RecordExists && State.HasIdentityDocument ? await documents.Get(RequestId) : null;

    public async Task RecordLook(Guid adminId, string what)
    {
        RequireExists();
        if (adminId == Guid.Empty || string.IsNullOrWhiteSpace(what) || what.Length > 200 || what.Any(char.IsControl))
        {
            throw DomainException.Invalid("what", "Say which admin looks at what, in one line.");
        }
        await store.Append(RequestId, clock.GetUtcNow(), new AuditStep(Admin(adminId), AuditActions.LookedAt, what.Trim()));
    }

    public async Task<bool> FlagIfOverdue()
    {
        if (!request.RecordExists || !RequestLifecycle.IsOpen(State.Status) || State.OverdueFlaggedAt is not null)
        {
            return false;
        }
        var now = clock.GetUtcNow();
        if (!DueDates.IsOverdue(DueBy, BrusselsCalendar.DateOf(now)))
        {
            return false;
        }
        State.OverdueFlaggedAt = now;
        await Save(now, [new("system", "Flagged overdue", $"Due by {DueBy:yyyy-MM-dd}")]);
        return true;
    }

    public async Task<bool> ForgetRequester(RequesterForgottenBecause because)
    {
        if (!request.RecordExists || State.RequesterForgottenAt is not null)
        {
            return false;
        }
        var now = clock.GetUtcNow();
        if (because == RequesterForgottenBecause.RetentionPeriodEnded
            && (State.ClosedAt is not { } closedAt || now < RetentionPeriod.DeadlineAfter(closedAt)))
        {
            // An early or mistaken call (a clock behind the job's, a request reopened meanwhile) forgets nothing.
            return false;
        }
        var erasedText = because == RequesterForgottenBecause.CustomerErased ? ErasedWithCustomerText : ErasedAfterRetentionText;
        State.Requester = Requester.Erased;
        State.Details = null;
        // The outcome and the messages may quote what an admin typed (a rectification, a rejection's reason).
        State.Outcome = State.Outcome is null ? null : erasedText;
        State.Messages = State.Messages.Select(message => message with { Body = erasedText }).ToList();
        State.HasIdentityDocument = false;
        // Unlinked: nothing points at the person who is gone, and no admin look at it is about them any more.
        State.CustomerId = null;
        State.RequesterForgottenAt = now;
        // The request's key first: every earlier copy of the requester's data (state rows, the identity document,
        // typed details, in dead tuples, WAL and backups) is unreadable from here on. What stays is sealed under a new key.
        await protector.DestroyKey(RequestId);
        await request.WriteStateAsync();
        await documents.Delete(RequestId);
        // The request and its steps stay, as proof that it was received, checked and answered on time (GDPR
        // Art. 5(2), 12(3)): they name no one (actors are random ids) once the details an admin typed are cleared.
        var why = because == RequesterForgottenBecause.CustomerErased
            ? "The linked customer was erased (O7)"
            : $"The request was closed more than {RetentionPeriod.Years} years ago (O7)";
        await store.ForgetRequester(RequestId, AuditActions.WithTypedDetail, now,
            new AuditStep("system", AuditActions.RequesterForgotten, $"{why}: contact details, request details, identity document and typed reasons removed"));
        return true;
    }

    /// <summary>Carries out the request for the linked customer; returns the outcome told to the requester.</summary>
    private async Task<string> Fulfil(string actor, string? reason, List<AuditStep> steps)
    {
        if ((State.CustomerId ?? State.ErasingCustomer) is not { } customerId)
        {
            throw DomainException.Conflict("Link the request to the requester's customer account when verifying the identity, or reject it with the ground 'no data held'.");
        }
        var privacy = grains.GetGrain<ICustomerPrivacyGrain>(customerId);
        if (State.Type != RequestType.Erasure && State.Type != RequestType.Objection)
        {
            await RequireCustomer(customerId);
        }
        switch (State.Type)
        {
            case RequestType.Access:
                return "Your access report is ready: it lists your data, where it comes from, why and on which legal basis we process it, who receives it, transfers outside the EEA and their safeguard, how long we keep it, and which of our staff looked at it. Signed in, you find it under My privacy; otherwise it is sent to you.";
            case RequestType.Portability:
                return "Your data is ready as a file you can take elsewhere: a zip with data.json and your photos. Signed in, you download it under My privacy; otherwise it is sent to you.";
            case RequestType.Rectification:
                return $"Your data was rectified: {reason}";
            case RequestType.Restriction:
                await privacy.Restrict(RequestId);
                return "Processing of your data is restricted: no advertising and no changes to your profile except at your request. Orders already under way are completed.";
            case RequestType.Objection:
                var source = State.Channel == RequestChannel.Post ? ObjectionSource.SignedPostalRequest : ObjectionSource.Online;
                await privacy.Object(ObjectionChannel.All, source, null);
                await privacy.Object(ObjectionChannel.Surveys, source, null);
                return "Your objection is recorded and took effect at once: you receive no advertising through any channel and no survey invitations.";
            case RequestType.Erasure:
                // The one way to erase a customer: the retention work's erasure, which closes the account and
                // erases the orders, designs and every module's rows (this request's requester included, see
                // ForgetRequester), resuming an interrupted erasure. The Privacy module's eraser calls back into
                // this grain while it waits here: the call chain may re-enter, nothing else may.
                State.ErasingCustomer = customerId;
                using (RequestContext.AllowCallChainReentrancy())
                {
                    await grains.GetGrain<ICustomerGrain>(customerId).AsReference<IRetentionSubject>().EraseNow(ErasureSource.Request);
                }
                State.ErasingCustomer = null;
                var erasedAt = clock.GetUtcNow();
                steps.Add(new(actor, "Customer erased", "Account closed; profile, orders' personal data, designs and photos, and every module's records about the customer erased"));
                State.ProcessorsNotified = [];
                foreach (var processor in ProcessingRegisterCatalog.Processors.Where(p => p.ReceivesCustomerData))
                {
                    State.ProcessorsNotified.Add(processor.Name);
                    steps.Add(new("system", "Processor notified of the erasure", $"{processor.Name} ({processor.Service})"));
                }
                return $"Your personal data and photos were erased on {Long(BrusselsCalendar.DateOf(erasedAt))}. We told our processors ({string.Join(", ", State.ProcessorsNotified)}) to erase them too.";
            default:
                throw DomainException.Conflict("Unknown request type.");
        }
    }

    private async Task DeleteIdentityDocument(List<AuditStep> steps)
    {
        if (State.HasIdentityDocument)
        {
            await documents.Delete(RequestId);
            State.HasIdentityDocument = false;
            steps.Add(new("system", "Identity document deleted", "The identity check is decided"));
        }
    }

    private async Task RequireCustomer(Guid customerId)
    {
        if (await grains.GetGrain<ICustomerGrain>(customerId).GetProfile() is null)
        {
            throw DomainException.Invalid("customerId", "No customer account has this id.");
        }
    }

    private void RequireExists()
    {
        if (!request.RecordExists)
        {
            throw DomainException.NotFound("The request");
        }
    }

    private void MoveTo(RequestStatus status, DateTimeOffset at)
    {
        State.Status = status;
        State.History.Add(new RequestStatusChange(status, at));
        if (!RequestLifecycle.IsOpen(status))
        {
            State.ClosedAt = at;
        }
    }

    private DateOnly DueBy => DueDates.DueBy(State.ReceivedOn, State.Extended);

    private async Task Save(DateTimeOffset now, IReadOnlyList<AuditStep> steps)
    {
        await request.WriteStateAsync();
        await store.Record(
            new RequestRow(RequestId, State.Type, State.Status, State.Channel, State.CustomerId, State.ReceivedAt, DueBy, State.Extended, State.OverdueFlaggedAt, State.ClosedAt),
            now, steps);
    }

    private DataSubjectRequestView ToView(DateOnly today) => new(
        RequestId, State.Type, State.Status, State.Channel, State.Requester!, State.Details, State.CustomerId,
        State.ReceivedAt, DueBy, State.Extended,
        RequestLifecycle.IsOpen(State.Status) && (State.OverdueFlaggedAt is not null || DueDates.IsOverdue(DueBy, today)),
        State.HasIdentityDocument, State.RejectionGround, State.Outcome,
        State.History.ToList(), State.Messages.ToList(), State.ProcessorsNotified.ToList())
    {
        Language = MailLanguage,
    };

    private static Requester Trim(Requester requester) => new(
        requester.FirstName.Trim(), requester.LastName.Trim(),
        string.IsNullOrWhiteSpace(requester.Email) ? null : requester.Email.Trim(),
        string.IsNullOrWhiteSpace(requester.Address) ? null : requester.Address.Trim());

    private const string ErasedWithCustomerText = "(erased with the customer's personal data)";
    private const string ErasedAfterRetentionText = "(erased three years after the request was closed)";

    private static string Long(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    private static string Admin(Guid id) => $"admin:{id}";
    private static string Customer(Guid id) => $"customer:{id}";
}
