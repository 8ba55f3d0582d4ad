using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace MyStamp.Web.Security;

/// <summary>
/// Gives every &lt;script&gt; element written in a Razor page this response's CSP nonce, so that the
/// page's own inline scripts run while anything injected into the page does not (it carries no nonce).
/// Registered for all pages in <c>_ViewImports.cshtml</c>.
/// </summary>
[HtmlTargetElement("script")]
public sealed class ScriptNonceTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    // After the framework's script tag helper, which may rewrite the element.
    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (SecurityHeadersMiddleware.NonceOf(ViewContext.HttpContext) is { } nonce)
        {
            output.Attributes.SetAttribute("nonce", nonce);
        }
    }
}
