using System.Text;
using Microsoft.AspNetCore.Mvc;

namespace MyStamp.Web.Security;

/// <summary>
/// The one way a page turns a redirect target it was given (a <c>returnUrl</c>) into a <c>Location</c> header.
/// Only local paths are followed. A header carries ASCII only, and <c>LocalRedirect</c> threw
/// ("Invalid non-ASCII or control character in header") for a path like <c>/Orders/café</c> an outside scanner
/// sent: 500. Letters beyond ASCII are percent-encoded (UTF-8), as a browser sends them; a target with a control
/// character (a header-splitting attempt) is refused and the caller's own default is used.
/// </summary>
public static class LocalRedirects
{
    /// <summary>The target to redirect to, safe for a header, or null when <paramref name="returnUrl"/> is not one to follow.</summary>
    public static string? Target(IUrlHelper url, string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || !url.IsLocalUrl(returnUrl) || returnUrl.Any(char.IsControl))
        {
            return null;
        }
        if (returnUrl.All(c => c > ' ' && c < 0x7F))
        {
            return returnUrl;
        }
        var encoded = new StringBuilder(returnUrl.Length * 2);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in returnUrl.EnumerateRunes())
        {
            if (rune.Value > ' ' && rune.Value < 0x7F)
            {
                encoded.Append((char)rune.Value);
                continue;
            }
            var length = rune.EncodeToUtf8(bytes);
            foreach (var b in bytes[..length])
            {
                encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return encoded.ToString();
    }
}
