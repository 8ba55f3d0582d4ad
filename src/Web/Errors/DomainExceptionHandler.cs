using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using MyStamp.BuildingBlocks.Errors;
using MyStamp.Web.Languages;

namespace MyStamp.Web.Errors;

/// <summary>
/// The one place where a broken business rule becomes RFC 7807 problem details, in the request's language. Anything else that
/// escapes is a bug and answers a generic 500 without details (the message might hold personal data).
/// </summary>
internal sealed class DomainExceptionHandler(IProblemDetailsService problemDetails, DomainText text) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not DomainException domain)
        {
            return false;
        }
        httpContext.Response.StatusCode = StatusFor(domain.Kind);
        // In the request's language: the module raised English, its resource holds the translations.
        var problem = domain.FieldErrors.Count > 0
            ? new ValidationProblemDetails(text.FieldErrors(domain)) { Title = text.Title(domain) }
            : new ProblemDetails { Title = text.Title(domain) };
        problem.Status = httpContext.Response.StatusCode;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    public static int StatusFor(DomainErrorKind kind) => kind switch
    {
        DomainErrorKind.Validation => StatusCodes.Status400BadRequest,
        DomainErrorKind.NotFound => StatusCodes.Status404NotFound,
        DomainErrorKind.Conflict => StatusCodes.Status409Conflict,
        DomainErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        DomainErrorKind.UnsupportedMediaType => StatusCodes.Status415UnsupportedMediaType,
        DomainErrorKind.PayloadTooLarge => StatusCodes.Status413PayloadTooLarge,
        _ => StatusCodes.Status400BadRequest,
    };
}
