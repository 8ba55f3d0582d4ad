using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MyStamp.Web.Languages;

namespace MyStamp.Web.Errors;

/// <summary>
/// Malformed requests the framework rejects while binding (unreadable JSON, wrong JSON types, unknown
/// fields, a body too large) become 400/413 problem details instead of a 500. When the JSON reader
/// knows where it stopped, the answer names that field in its <c>errors</c> map.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problemDetails, IStringLocalizer<ShopText> text) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }
        var status = badRequest.StatusCode is >= 400 and < 500 ? badRequest.StatusCode : StatusCodes.Status400BadRequest;
        httpContext.Response.StatusCode = status;
        string title = status == StatusCodes.Status413PayloadTooLarge ? text["The request is too large."] : text["The request could not be read. Check that the body is valid JSON with the documented fields."];
        var problem = badRequest.InnerException is JsonException json && status == StatusCodes.Status400BadRequest
            ? new ValidationProblemDetails(new Dictionary<string, string[]> { [FieldOf(json.Path)] = [text[MessageFor(json)]] }) { Title = title }
            : new ProblemDetails { Title = title };
        problem.Status = status;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem });
    }

    /// <summary>"$.address.postalCode" → "address.postalCode"; the whole body → "body".</summary>
    public static string FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "body";
        }
        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return field.Length is > 0 and <= 200 ? field : "body";
    }

    // The reader's own message names .NET types; the user gets a plain sentence instead.
    private static string MessageFor(JsonException json) =>
        json.Message.Contains("could not be mapped", StringComparison.Ordinal)
            ? "This field is not part of the request."
            : "This value has the wrong type or format.";
}
