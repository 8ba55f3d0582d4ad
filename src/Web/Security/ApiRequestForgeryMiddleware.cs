using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace MyStamp.Web.Security;

/// <summary>
/// Cross-site request forgery guard for the JSON API. A state-changing /api request must carry
/// either the header X-Requested-With: XMLHttpRequest (a cross-site form cannot set it without a CORS
/// pre-flight, which we never grant) or a valid antiforgery token. Pages use the usual form token.
/// </summary>
internal sealed class ApiRequestForgeryMiddleware(RequestDelegate next, IAntiforgery antiforgery, IProblemDetailsService problemDetails)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (NeedsCheck(context.Request) && !HasXhrHeader(context.Request) && !await antiforgery.IsRequestValidAsync(context))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await problemDetails.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = "Missing request-forgery protection: send the header X-Requested-With: XMLHttpRequest or an antiforgery token.",
                },
            });
            return;
        }
        await next(context);
    }

    private static bool NeedsCheck(HttpRequest request) =>
        request.Path.StartsWithSegments("/api")
        && !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method));

    private static bool HasXhrHeader(HttpRequest request) =>
        string.Equals(request.Headers["X-Requested-With"], "XMLHttpRequest", StringComparison.OrdinalIgnoreCase);
}
