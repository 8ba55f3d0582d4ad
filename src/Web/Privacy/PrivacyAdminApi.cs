using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MyStamp.Audit.Contracts;
using MyStamp.BuildingBlocks.Errors;
using MyStamp.Customers.Contracts;
using MyStamp.Privacy.Contracts;
using MyStamp.Web.Admin.Looks;
using MyStamp.Web.Languages;
using MyStamp.Web.Security;

namespace MyStamp.Web.Privacy;

/// <summary>
/// The admins' Privacy routes of docs/api.md (<c>/api/admin/privacy</c>): the request queue, postal requests, decisions,
/// the answers to a request (access report, export), objections by letter, audience exports and policy versions. Each
/// look at someone's personal data is recorded in the audit trail before anything is shown.
/// </summary>
public static class PrivacyAdminApi
{
    public static IEndpointRouteBuilder MapPrivacyAdminApi(this IEndpointRouteBuilder app)
    {
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
            Language = body.Language ?? ShopLanguages.Current.Code(),
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
}

/// <summary>A request with its audit trail, for admins.</summary>
public sealed record AdminRequestView(DataSubjectRequestView Request, IReadOnlyList<RequestAuditEntry> AuditTrail);

public sealed record AdminObjectionBody(Guid? CustomerId, ObjectionChannel? Channel);

public sealed record DecisionBody(DecisionKind? Decision, string? Reason, RejectionGround? Ground, Guid? CustomerId);

public sealed record PostalRequestBody(
    RequestType? Type, string? FirstName, string? LastName, string? Email, string? Address, string? Details, DateOnly? ReceivedOn, Guid? CustomerId,
    string? Language = null);

public sealed record AudienceExportBody(AudienceChannel? Channel, string? Subject, string? Message);

public sealed record PublishPolicyBody(DateOnly? RevisedOn, string? Language, string? Text);
