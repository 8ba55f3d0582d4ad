using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace MyStamp.Web.Security;

/// <summary>
/// Security headers on every response, error pages and static files included: a Content Security
/// Policy that runs only the site's own scripts (inline scripts need this request's nonce, which
/// <see cref="ScriptNonceTagHelper"/> adds to every &lt;script&gt; a Razor page writes), no framing,
/// no MIME sniffing, no referrer, and no caching of admin answers (they carry personal data).
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    private const string NonceKey = "mystamp.csp-nonce";

    public Task InvokeAsync(HttpContext context)
    {
        // Hex, not base64: '+' and '/' would be HTML-encoded in the attribute and no longer match the header byte for byte.
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        // OnStarting, not now: the exception handler clears headers before it writes an error page.
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy(nonce);
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            if (IsAdminArea(context.Request.Path) && string.IsNullOrEmpty(headers.CacheControl))
            {
                headers.CacheControl = "no-store";
            }
            return Task.CompletedTask;
        });
        return next(context);
    }

    /// <summary>This request's script nonce, or null outside a request that passed the middleware.</summary>
    public static string? NonceOf(HttpContext context) => context.Items[NonceKey] as string;

    /// <summary>
    /// Scripts: only from this origin, or inline with this response's nonce — never 'unsafe-inline'.
    /// Styles allow inline style attributes: the Orleans dashboard's bundled UI relies on them, and a
    /// style cannot run code.
    /// </summary>
    internal static string ContentSecurityPolicy(string nonce) =>
        "default-src 'self'; " +
        $"script-src 'self' 'nonce-{nonce}'; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: blob:; " +
        "font-src 'self' data:; " +
        "connect-src 'self'; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'; " +
        "frame-ancestors 'none'";

    private static bool IsAdminArea(PathString path) =>
        path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/api/admin", StringComparison.OrdinalIgnoreCase);
}
