using Microsoft.AspNetCore.RateLimiting;
using MyStamp.Web.Account;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyStamp.Customers.Contracts;
using MyStamp.Privacy.Contracts;
using MyStamp.Web.Security;

namespace MyStamp.Web.Privacy;

/// <summary>
/// The request form (O8, O9), for everyone. Signed in, the contact details come from the profile and no
/// identity document is needed; otherwise the user blacks out the document in the browser before sending.
/// </summary>
[EnableRateLimiting(AccountRateLimits.DataSubjectRequest)]
public sealed class RequestFormModel(IGrainFactory grains) : PageModel
{
    public bool SignedIn { get; private set; }
    public Guid? ProofFor { get; private set; }
    public string? FirstName { get; private set; }
    public string? LastName { get; private set; }
    public string? Email { get; private set; }

    public async Task OnGetAsync(Guid? proofFor)
    {
        var customerId = User.CallerIdOrNull();
        SignedIn = customerId is not null;
        ProofFor = SignedIn ? proofFor : null;
        if (customerId is { } id && await grains.GetGrain<ICustomerGrain>(id).GetProfile() is { } profile)
        {
            (FirstName, LastName, Email) = (profile.FirstName, profile.LastName, profile.Email);
        }
    }

    /// <summary>The choice as the form offers it: an English key of the shop's text.</summary>
    public static string Describe(RequestType type) => type switch
    {
        RequestType.Access => "Access: what data do you hold about me?",
        RequestType.Rectification => "Rectification: correct my data",
        RequestType.Erasure => "Erasure: delete my data",
        RequestType.Restriction => "Restriction: stop processing my data for now",
        RequestType.Portability => "Portability: give me my data in a file",
        _ => "Objection: stop processing my data for advertising or surveys",
    };
}
