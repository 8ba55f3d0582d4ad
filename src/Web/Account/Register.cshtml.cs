using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using MyStamp.BuildingBlocks.Errors;
using MyStamp.Web.Errors;
using MyStamp.Customers.Contracts;
using MyStamp.Privacy.Contracts;
using MyStamp.Web.Languages;

namespace MyStamp.Web.Account;

[EnableRateLimiting(AccountRateLimits.Register)]
public sealed class RegisterModel(IGrainFactory grains, DomainText text) : PageModel
{
    [BindProperty]
    public ProfileForm Form { get; set; } = new();

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public bool AcceptPolicy { get; set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public string? Problem { get; private set; }

    /// <summary>The policy version the form shows (O11): the one in force when the page was first shown.</summary>
    [BindProperty]
    public int PolicyVersion { get; set; }

    public async Task OnGetAsync() => PolicyVersion = await CurrentPolicyVersion();

    public async Task<IActionResult> OnPostAsync()
    {
        if (PolicyVersion < 1)
        {
            // A form posted without the field (not ours): the version in force is the one accepted and shown.
            PolicyVersion = await CurrentPolicyVersion();
        }
        var fieldErrors = new Dictionary<string, string[]>();
        var input = Form.ToInput(AcceptPolicy ? PolicyVersion : null, fieldErrors);
        if (fieldErrors.Count > 0)
        {
            Errors = FormErrors.From(DomainException.Invalid(fieldErrors), text).Fields;
            return Page();
        }
        try
        {
            var profile = await grains.GetGrain<ICustomerGrain>(Guid.CreateVersion7()).Register(new RegisterCustomer(input, Password, ShopLanguages.Current));
            await AccountClaims.SignIn(HttpContext, new SignedInAccount(profile.CustomerId, IsAdmin: false, profile.AccountType));
            return RedirectToPage("/Account/Profile", new { registered = true });
        }
        catch (DomainException failure)
        {
            (Problem, Errors) = FormErrors.From(failure, text);
            return Page();
        }
    }

    private async Task<int> CurrentPolicyVersion() => (await grains.GetGrain<IPrivacyPolicyGrain>(0).GetCurrent()).Version;
}
