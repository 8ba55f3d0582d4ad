using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MyStamp.BuildingBlocks.Errors;
using MyStamp.Customers.Contracts;
using MyStamp.Privacy.Contracts;
using MyStamp.Web.Security;

using MyStamp.Web.Account;
using MyStamp.Web.ApiReference;

namespace MyStamp.Web.Privacy;

/// <summary>
/// The customer's and the public's Privacy routes of docs/api.md: register, policy versions, objections, export, access
/// report, data-subject requests. The admins' routes are in <see cref="PrivacyAdminApi"/>.
/// </summary>
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

/// <summary>The multipart form of POST /api/privacy/requests, as the API reference describes it (the endpoint reads the form itself).</summary>
/// <param name="IdDocument">A photo of an identity document; needed unless signed in and asking about one's own account (O9).</param>
/// <param name="Redactions">JSON array of rectangles {x, y, width, height} to black out on the document before it is stored.</param>
public sealed record DataSubjectRequestForm(RequestType Type, string FirstName, string LastName, string Email, string? Address, string? Details, IFormFile? IdDocument, string? Redactions);

/// <summary>The multipart form of POST /api/privacy/requests/{id}/proof.</summary>
public sealed record ProofForm(IFormFile IdDocument, string? Redactions);

/// <summary>Answer to a submitted request.</summary>
public sealed record SubmittedRequest(Guid RequestId, DateOnly DueBy, RequestStatus Status);

public sealed record AcknowledgeBody(int? Version);

public sealed record ObjectionBody(ObjectionChannel? Channel);
