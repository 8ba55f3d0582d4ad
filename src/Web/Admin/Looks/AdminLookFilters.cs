using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MyStamp.Web.Security;

namespace MyStamp.Web.Admin.Looks;

/// <summary>
/// The guard of the rule "no personal data reaches an admin before the look is recorded", for minimal-API endpoints
/// and for Razor Pages alike. It runs after the handler and before the answer is written: when the caller is an admin,
/// the endpoint (or page handler) is declared <see cref="ShowsPersonalDataAttribute"/>, the answer carries content
/// (not a redirect, not an error) and the handler recorded no look through <see cref="AdminLooks"/>, the answer is
/// refused, and nothing of it is sent. Every such answer is also kept out of caches (<c>no-store</c>).
/// </summary>
public static class AdminLookFilters
{
    /// <summary>The message of the refusal: a programming error (a handler that forgot its look), never the caller's.</summary>
    public const string LookNotRecorded = "This answer would show personal data to an admin without recording the look; it was not sent.";

    /// <summary>Added by <see cref="PersonalDataDeclarations.ShowsPersonalData{TBuilder}"/> to the endpoint it declares.</summary>
    public sealed class EndpointFilter : IEndpointFilter
    {
        public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
        {
            var result = await next(context);
            var http = context.HttpContext;
            if (IsAdmin(http))
            {
                http.Response.Headers.CacheControl = "no-store";
                var failed = result is IStatusCodeHttpResult { StatusCode: >= 300 } || http.Response.StatusCode >= 300;
                if (!failed && !http.RequestServices.GetRequiredService<AdminLooks>().Declared)
                {
                    throw new InvalidOperationException(LookNotRecorded);
                }
            }
            return result;
        }
    }

    /// <summary>Registered for every page: acts on pages (or handlers) declared <see cref="ShowsPersonalDataAttribute"/>.</summary>
    public sealed class PageFilter : IAsyncPageFilter
    {
        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            var executed = await next();
            var http = context.HttpContext;
            if (!IsAdmin(http) || !ShowsPersonalData(context.HandlerInstance.GetType(), context.HandlerMethod?.MethodInfo))
            {
                return;
            }
            http.Response.Headers.CacheControl = "no-store";
            if (executed.Exception is not null && !executed.ExceptionHandled)
            {
                return;
            }
            // A void handler renders the page (null result); redirects, 404s and refusals show nothing.
            var failed = executed.Result is IStatusCodeActionResult { StatusCode: >= 300 } or RedirectResult or RedirectToPageResult
                or LocalRedirectResult or ForbidResult or ChallengeResult || http.Response.StatusCode >= 300;
            if (!failed && !http.RequestServices.GetRequiredService<AdminLooks>().Declared)
            {
                throw new InvalidOperationException(LookNotRecorded);
            }
        }
    }

    /// <summary>Whether the handler that ran is declared to show personal data: its own declaration, else its page's.</summary>
    public static bool ShowsPersonalData(Type page, MethodInfo? handler) =>
        DeclarationOf(page, handler) is ShowsPersonalDataAttribute;

    /// <summary>What a page handler declares: its own declaration, else its page's; null when neither says.</summary>
    public static IPersonalDataDeclaration? DeclarationOf(Type page, MethodInfo? handler) =>
        handler?.GetCustomAttributes().OfType<IPersonalDataDeclaration>().FirstOrDefault()
        ?? page.GetCustomAttributes().OfType<IPersonalDataDeclaration>().FirstOrDefault();

    private static bool IsAdmin(HttpContext http) => http.User.IsInRole(Roles.Admin);
}
