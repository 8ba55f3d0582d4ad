using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using MyStamp.BuildingBlocks.Errors;

namespace MyStamp.Web.Errors;

/// <summary>
/// The one place where a broken business rule becomes RFC 7807 problem details. Anything else that
/// escapes is a bug and answers a generic 500 without details (the message might hold personal data).
/// </summary>
internal sealed class DomainExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not DomainException domain)
        {
            return false;
        }
        httpContext.Response.StatusCode = StatusFor(domain.Kind);
        var problem = domain.FieldErrors.Count > 0
            ? new ValidationProblemDetails(domain.FieldErrors.ToDictionary()) { Title = domain.Title }
            : new ProblemDetails { Title = domain.Title };
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
