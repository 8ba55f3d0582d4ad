using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MyStamp.Audit.Contracts;
using MyStamp.BuildingBlocks.Errors;
using MyStamp.Customers.Contracts;
using MyStamp.Privacy.Contracts;
using MyStamp.Web.Admin.Looks;
using MyStamp.Web.Security;

using MyStamp.Web.Account;
using MyStamp.Web.ApiReference;

namespace MyStamp.Web.Privacy;

/// <summary>The Privacy routes of API.md: register, policy versions, objections, export, data-subject requests, admin queue.</summary>
public static class PrivacyApi
{
    public const long MaxUploadBytes = 10 * 1024 * 1024;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapPrivacyApi(this IEndpointRouteBuilder app)
    {
        var privacy = app.MapGroup("/api/privacy");

        // O11, O12: the policy in force, and every published version.
        privacy.MapGet("/policy", async (IGrainFactory grains) => await grains.GetGrain<IPrivacyPolicyGrain>(0).GetCurrent());
        privacy.MapGet("/policy/versions", async (IGrainFactory grains) => await grains.GetGrain<IPrivacyPolicyGrain>(0).GetVersions());
        privacy.MapGet("/policy/versions/{version:int}", async (int version, IGrainFactory grains) =>
            await grains.GetGrain<IPrivacyPolicyGrain>(0).GetVersion(version) ?? throw DomainException.NotFound("The policy version"));
        privacy.MapPost("/policy/acknowledge", async (AcknowledgeBody body, HttpContext http, IGrainFactory grains) =>
        {
            await grains.GetGrain<ICustomerPrivacyGrain>(http.User.CallerId()).AcknowledgePolicy(body.Version ?? throw DomainException.Invalid("version", "Give the version you read."));
            return Results.NoContent();
        }).RequireAuthorization().Produces(StatusCodes.Status204NoContent);

        // O3, O6: the register, the single source of truth.
        privacy.MapGet("/register", async (IGrainFactory grains) => await grains.GetGrain<IProcessingRegisterGrain>(0).Get());

        // O4: objections, effective at once.
        privacy.MapGet("/objections", async (HttpContext http, IGrainFactory grains) =>
            await grains.GetGrain<ICustomerPrivacyGrain>(http.User.CallerId()).GetObjections()).RequireAuthorization();
        privacy.MapPost("/objections", async (ObjectionBody body, HttpContext http, IGrainFactory grains) =>
            await grains.GetGrain<ICustomerPrivacyGrain>(http.User.CallerId())
                .Object(body.Channel ?? throw DomainException.Invalid("channel", "Choose a channel, All, or Surveys."), ObjectionSource.Online, null))
            .RequireAuthorization();

        // Art. 15 and Art. 20 for the signed-in customer.
        privacy.MapGet("/export", async (HttpContext http, IGrainFactory grains) =>
            Results.File(await grains.GetGrain<ICustomerPrivacyGrain>(http.User.CallerId()).ExportPersonalData(null), "application/zip", "mystamp-personal-data.zip"))
            .RequireAuthorization().Produces(StatusCodes.Status200OK, contentType: "application/zip");
        privacy.MapGet("/access-report", async (HttpContext http, IGrainFactory grains) =>
            await grains.GetGrain<ICustomerPrivacyGrain>(http.User.CallerId()).GetAccessReport()).RequireAuthorization();
        privacy.MapGet("/access-report.pdf", async (HttpContext http, IGrainFactory grains) =>
            Results.File(await grains.GetGrain<ICustomerPrivacyGrain>(http.User.CallerId()).GetAccessReportPdf(null), "application/pdf", "mystamp-access-report.pdf"))
            .RequireAuthorization().Produces(StatusCodes.Status200OK, contentType: "application/pdf");

        // O8, O9: requests by web form, signed in or not.
        privacy.MapPost("/requests", SubmitRequest).RequireRateLimiting(AccountRateLimits.DataSubjectRequest)
            .WithMetadata(new MultipartForm(typeof(DataSubjectRequestForm))).Produces<SubmittedRequest>(StatusCodes.Status201Created);
        privacy.MapGet("/requests", async (HttpContext http, IGrainFactory grains) =>
            await grains.GetGrain<IDataSubjectRequestQueueGrain>(0).GetForCustomer(http.User.CallerId())).RequireAuthorization();
        privacy.MapGet("/requests/{id:guid}", async (Guid id, HttpContext http, IGrainFactory grains) =>
            OwnRequest(await grains.GetGrain<IDataSubjectRequestGrain>(id).Get(), http.User.CallerId())).RequireAuthorization();
        privacy.MapPost("/requests/{id:guid}/proof", AddProof).RequireAuthorization()
            .WithMetadata(new MultipartForm(typeof(ProofForm))).Produces<SubmittedRequest>();

        var admin = app.MapGroup("/api/admin/privacy").RequireAuthorization(Roles.AdminPolicy);
        admin.MapGet("/requests", async (bool? includeClosed, IGrainFactory grains) =>
            await grains.GetGrain<IDataSubjectRequestQueueGrain>(0).GetQueue(includeClosed ?? false))
            .ShowsNoPersonalData("The queue: ids, types, channels, statuses and dates, no contact details");
        admin.MapPost("/requests", RecordPostalRequest)
            .ShowsNoPersonalData("Records a postal request; answers its id, due date and status").Produces<SubmittedRequest>(StatusCodes.Status201Created);
        admin.MapGet("/requests/{id:guid}", async (Guid id, IGrainFactory grains, AdminLooks looks) =>
        {
            var request = grains.GetGrain<IDataSubjectRequestGrain>(id);
            var view = await request.Get() ?? throw DomainException.NotFound("The request");
            await looks.AtRequester(view, ViewedData.DataSubjectRequest);
            return new AdminRequestView(view, await request.GetAuditTrail());
        }).ShowsPersonalData(ViewedData.DataSubjectRequest);
        admin.MapGet("/requests/{id:guid}/identity-document", async (Guid id, IGrainFactory grains, AdminLooks looks) =>
        {
            var request = grains.GetGrain<IDataSubjectRequestGrain>(id);
            if (await request.Get() is not { HasIdentityDocument: true } view)
            {
                throw DomainException.NotFound("The identity document");
            }
            await looks.AtRequester(view, ViewedData.IdentityDocument);
            var document = await request.GetIdentityDocument() ?? throw DomainException.NotFound("The identity document");
            return Results.File(document.Content, document.MediaType);
        }).ShowsPersonalData(ViewedData.IdentityDocument).Produces(StatusCodes.Status200OK, contentType: "image/png");
        admin.MapPost("/requests/{id:guid}/decision", async (Guid id, DecisionBody body, HttpContext http, IGrainFactory grains, AdminLooks looks) =>
        {
            // A fulfilled erasure closes the account: the customer grain tells every node's memory of session versions.
            var view = await grains.GetGrain<IDataSubjectRequestGrain>(id).Decide(new RequestDecision(
                body.Decision ?? throw DomainException.Invalid("decision", "Choose a decision."),
                http.User.CallerId(), body.Reason, body.Ground, body.CustomerId));
            // The answer is the request with its requester's contact details.
            await looks.AtRequester(view, ViewedData.DataSubjectRequestDecision);
            return view;
        }).ShowsPersonalData(ViewedData.DataSubjectRequestDecision);
        admin.MapGet("/requests/{id:guid}/access-report.pdf", async (Guid id, IGrainFactory grains, AdminLooks looks) =>
        {
            var (privacyOfRequester, language) = await RequesterPrivacy(id, grains, looks, ViewedData.AccessReportForRequest);
            // The answer to the request: in the language of its letters.
            return Results.File(await privacyOfRequester.GetAccessReportPdf(language), "application/pdf", "access-report.pdf");
        }).ShowsPersonalData(ViewedData.AccessReportForRequest).Produces(StatusCodes.Status200OK, contentType: "application/pdf");
        admin.MapGet("/requests/{id:guid}/export", async (Guid id, IGrainFactory grains, AdminLooks looks) =>
        {
            var (privacyOfRequester, language) = await RequesterPrivacy(id, grains, looks, ViewedData.ExportForRequest);
            return Results.File(await privacyOfRequester.ExportPersonalData(language), "application/zip", "personal-data.zip");
        }).ShowsPersonalData(ViewedData.ExportForRequest).Produces(StatusCodes.Status200OK, contentType: "application/zip");
        admin.MapPost("/objections", async (AdminObjectionBody body, HttpContext http, IGrainFactory grains, AdminLooks looks) =>
        {
            var customerId = body.CustomerId ?? throw DomainException.Invalid("customerId", "Give the customer id.");
            var objections = await grains.GetGrain<ICustomerPrivacyGrain>(customerId)
                .Object(body.Channel ?? throw DomainException.Invalid("channel", "Choose a channel, All, or Surveys."), ObjectionSource.SignedPostalRequest, http.User.CallerId());
            // The answer lists the customer's objections.
            await looks.AtCustomer(customerId, ViewedData.ObjectionByLetter);
            return objections;
        }).ShowsPersonalData(ViewedData.ObjectionByLetter);
        admin.MapPost("/audience-exports", async (AudienceExportBody body, HttpContext http, IGrainFactory grains, AdminLooks looks) =>
        {
            var export = await grains.GetGrain<IAdvertisingAudienceGrain>(0).Export(new AudienceExportRequest(
                body.Channel ?? throw DomainException.Invalid("channel", "Choose a channel."), body.Subject ?? "", body.Message ?? "", http.User.CallerId()));
            // Recorded per person before the file leaves: the export, and for each person that they were in it.
            await looks.Export(export.Channel.ToString(), export.Included);
            return Results.File(System.Text.Encoding.UTF8.GetBytes(export.Csv), "text/csv; charset=utf-8", $"audience-{export.Channel.ToString().ToLowerInvariant()}.csv");
        }).ShowsPersonalData("Advertising audience export: every person in it").Produces(StatusCodes.Status200OK, contentType: "text/csv");
        admin.MapPost("/policy", async (PublishPolicyBody body, HttpContext http, IGrainFactory grains) =>
        {
            var published = await grains.GetGrain<IPrivacyPolicyGrain>(0).Publish(new PublishPolicyVersion(
                body.RevisedOn ?? throw DomainException.Invalid("revisedOn", "Give the revision date."), body.Language ?? "nl", body.Text ?? "", http.User.CallerId()));
            return Results.Created($"/api/privacy/policy/versions/{published.Version}", published);
        }).ShowsNoPersonalData("Publishes a policy version: the policy text, no one's data").Produces<PolicyVersion>(StatusCodes.Status201Created);
        return app;
    }

    private static async Task<IResult> SubmitRequest(HttpContext http, IGrainFactory grains)
    {
        var form = await ReadForm(http);
        var customerId = http.User.CallerIdOrNull();
        var errors = new FieldErrors();
        var type = ParseType(form, errors);
        var document = ReadDocument(form, errors, required: customerId is null);
        errors.ThrowIfAny();

        var requestId = Guid.CreateVersion7();
        var view = await grains.GetGrain<IDataSubjectRequestGrain>(requestId).Submit(new SubmitDataSubjectRequest(
            type, RequestChannel.WebForm,
            new Requester(form["firstName"].ToString(), form["lastName"].ToString(), form["email"].ToString(), form["address"].ToString()),
            form["details"].ToString(), customerId, null, null, customerId is null ? document : null)
        {
            // Every answer is mailed in the language the requester asked in (the request's culture).
            Language = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName,
        });
        return Results.Created($"/api/privacy/requests/{requestId}", new SubmittedRequest(view.RequestId, view.DueBy, view.Status));
    }

    private static async Task<IResult> AddProof(Guid id, HttpContext http, IGrainFactory grains)
    {
        var customerId = http.User.CallerId();
        var request = grains.GetGrain<IDataSubjectRequestGrain>(id);
        OwnRequest(await request.Get(), customerId);
        var form = await ReadForm(http);
        var errors = new FieldErrors();
        var document = ReadDocument(form, errors, required: true);
        errors.ThrowIfAny();
        var view = await request.AddProof(document!, customerId);
        return Results.Ok(new SubmittedRequest(view.RequestId, view.DueBy, view.Status));
    }

    private static async Task<IResult> RecordPostalRequest(PostalRequestBody body, HttpContext http, IGrainFactory grains)
    {
        var requestId = Guid.CreateVersion7();
        var view = await grains.GetGrain<IDataSubjectRequestGrain>(requestId).Submit(new SubmitDataSubjectRequest(
            body.Type ?? throw DomainException.Invalid("type", "Choose the kind of request."),
            RequestChannel.Post,
            new Requester(body.FirstName ?? "", body.LastName ?? "", body.Email, body.Address),
            body.Details, body.CustomerId, http.User.CallerId(), body.ReceivedOn, null)
        {
            // The requester's language, as the admin read it from the letter; else the admin's own UI language.
            Language = body.Language ?? MyStamp.Web.Languages.ShopLanguages.Current.Code(),
        });
        return Results.Created($"/api/admin/privacy/requests/{requestId}", new SubmittedRequest(view.RequestId, view.DueBy, view.Status));
    }

    /// <summary>The privacy grain of the customer a request is linked to, once the look is in the audit trail (recorded before anything is shown).</summary>
    private static async Task<(ICustomerPrivacyGrain Privacy, string Language)> RequesterPrivacy(Guid requestId, IGrainFactory grains, AdminLooks looks, string what)
    {
        var view = await grains.GetGrain<IDataSubjectRequestGrain>(requestId).Get() ?? throw DomainException.NotFound("The request");
        var customerId = view.CustomerId ?? throw DomainException.Conflict("The request is not linked to a customer account.");
        await looks.AtCustomer(customerId, what);
        return (grains.GetGrain<ICustomerPrivacyGrain>(customerId), view.Language);
    }

    private static DataSubjectRequestView OwnRequest(DataSubjectRequestView? view, Guid customerId) =>
        view is not null && view.CustomerId == customerId ? view : throw DomainException.NotFound("The request");

    private static async Task<IFormCollection> ReadForm(HttpContext http)
    {
        if (!http.Request.HasFormContentType)
        {
            throw new DomainException(DomainErrorKind.UnsupportedMediaType, "Send the request as multipart/form-data.");
        }
        try
        {
            return await http.Request.ReadFormAsync();
        }
        catch (InvalidDataException)
        {
            throw new DomainException(DomainErrorKind.PayloadTooLarge, "The request is too large.");
        }
    }

    private static RequestType ParseType(IFormCollection form, FieldErrors errors)
    {
        if (Enum.TryParse<RequestType>(form["type"].ToString(), ignoreCase: false, out var type) && Enum.IsDefined(type))
        {
            return type;
        }
        errors.Add("type", "Choose one of: " + string.Join(", ", Enum.GetNames<RequestType>()) + ".");
        return default;
    }

    /// <summary>The identity document file and the rectangles to black out (field <c>redactions</c>, a JSON array of {x, y, width, height}).</summary>
    private static IdentityDocumentUpload? ReadDocument(IFormCollection form, FieldErrors errors, bool required)
    {
        var file = form.Files.GetFile("idDocument");
        if (file is null || file.Length == 0)
        {
            if (required)
            {
                errors.Add("idDocument", "Add a copy of the front of your identity card or driving licence, with the photo and the national register (or card) number blacked out.");
            }
            return null;
        }
        if (file.Length > MaxUploadBytes)
        {
            throw new DomainException(DomainErrorKind.PayloadTooLarge, $"The identity document may be at most {MaxUploadBytes / (1024 * 1024)} MB.");
        }
        IReadOnlyList<RedactionArea> redactions = [];
        var text = form["redactions"].ToString();
        try
        {
            redactions = string.IsNullOrWhiteSpace(text) ? [] : JsonSerializer.Deserialize<List<RedactionArea>>(text, Json) ?? [];
        }
        catch (JsonException)
        {
            errors.Add("redactions", "The rectangles to black out could not be read.");
        }
        using var stream = file.OpenReadStream();
        using var copy = new MemoryStream((int)file.Length);
        stream.CopyTo(copy);
        return new IdentityDocumentUpload(copy.ToArray(), redactions);
    }
}

/// <summary>Answer to a submitted request.</summary>
/// <summary>The multipart form of POST /api/privacy/requests, as the API reference describes it (the endpoint reads the form itself).</summary>
/// <param name="IdDocument">A photo of an identity document; needed unless signed in and asking about one's own account (O9).</param>
/// <param name="Redactions">JSON array of rectangles {x, y, width, height} to black out on the document before it is stored.</param>
public sealed record DataSubjectRequestForm(RequestType Type, string FirstName, string LastName, string Email, string? Address, string? Details, IFormFile? IdDocument, string? Redactions);

/// <summary>The multipart form of POST /api/privacy/requests/{id}/proof.</summary>
public sealed record ProofForm(IFormFile IdDocument, string? Redactions);

public sealed record SubmittedRequest(Guid RequestId, DateOnly DueBy, RequestStatus Status);

/// <summary>A request with its audit trail, for admins.</summary>
public sealed record AdminRequestView(DataSubjectRequestView Request, IReadOnlyList<RequestAuditEntry> AuditTrail);

public sealed record AcknowledgeBody(int? Version);

public sealed record ObjectionBody(ObjectionChannel? Channel);

public sealed record AdminObjectionBody(Guid? CustomerId, ObjectionChannel? Channel);

public sealed record DecisionBody(DecisionKind? Decision, string? Reason, RejectionGround? Ground, Guid? CustomerId);

public sealed record PostalRequestBody(
    RequestType? Type, string? FirstName, string? LastName, string? Email, string? Address, string? Details, DateOnly? ReceivedOn, Guid? CustomerId,
    string? Language = null);

public sealed record AudienceExportBody(AudienceChannel? Channel, string? Subject, string? Message);

public sealed record PublishPolicyBody(DateOnly? RevisedOn, string? Language, string? Text);
