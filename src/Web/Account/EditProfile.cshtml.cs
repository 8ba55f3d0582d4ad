using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyStamp.BuildingBlocks.Errors;
using MyStamp.Customers.Contracts;
using MyStamp.Web.Security;

namespace MyStamp.Web.Account;

/// <summary>Rectification (O8): the same fields and rules as registration, minus the password.</summary>
[Authorize]
public sealed class EditProfileModel(IGrainFactory grains) : PageModel
{
    [BindProperty]
    public ProfileForm Form { get; set; } = new();

    public Dictionary<string, string[]> Errors { get; private set; } = [];

    public string? Problem { get; private set; }

    public bool HasProfile { get; private set; } = true;

    public async Task OnGetAsync()
    {
        var account = await Customer().GetAccount();
        HasProfile = account is not null;
        if (account is not null)
        {
            Form = ProfileForm.From(account.Profile);
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var input = Form.ToInput(acceptedPolicyVersion: null, Errors);
        if (Errors.Count > 0)
        {
            return Page();
        }
        try
        {
            var account = await Customer().Rectify(input);
            if ((account.Profile.AccountType == AccountType.Pro) != User.IsInRole(Roles.Pro))
            {
                await AccountClaims.SignIn(HttpContext, new SignedInAccount(account.Profile.CustomerId, User.IsInRole(Roles.Admin), account.Profile.AccountType));
            }
            return RedirectToPage("/Account/Profile", new { updated = true });
        }
        catch (DomainException failure)
        {
            Errors = failure.FieldErrors.ToDictionary();
            Problem = failure.Title;
            HasProfile = failure.Kind != DomainErrorKind.NotFound;
            return Page();
        }
    }

    private ICustomerGrain Customer() => grains.GetGrain<ICustomerGrain>(User.AccountId()!.Value);
}
