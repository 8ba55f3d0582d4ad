using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyStamp.BuildingBlocks.Errors;
using MyStamp.Web.Errors;
using MyStamp.Customers.Contracts;
using MyStamp.Web.Languages;
using MyStamp.Web.Security;

namespace MyStamp.Web.Account;

/// <summary>Rectification (O8): the same fields and rules as registration, minus the password.</summary>
[Authorize]
public sealed class EditProfileModel(IGrainFactory grains, DomainText text) : PageModel
{
    [BindProperty]
    public ProfileForm Form { get; set; } = new();

    /// <summary>The language of the shop and of the e-mails sent to the customer ("nl", "fr", "de", "en").</summary>
    [BindProperty]
    public string? Language { get; set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public string? Problem { get; private set; }

    public bool HasProfile { get; private set; } = true;

    public async Task OnGetAsync()
    {
        var account = await Customer().GetAccount();
        HasProfile = account is not null;
        if (account is not null)
        {
            Form = ProfileForm.From(account.Profile);
            Language = account.Profile.Language.Code();
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var fieldErrors = new Dictionary<string, string[]>();
        var input = Form.ToInput(acceptedPolicyVersion: null, fieldErrors);
        // A form without the field (a script posting only the profile) keeps the language as it is.
        var language = CustomerLanguages.FromCode(Language);
        if (language is null && !string.IsNullOrWhiteSpace(Language))
        {
            fieldErrors["language"] = ["Choose Dutch, French, German or English."];
        }
        if (fieldErrors.Count > 0)
        {
            Errors = FormErrors.From(DomainException.Invalid(fieldErrors), text).Fields;
            return Page();
        }
        try
        {
            var account = await Customer().Rectify(input);
            if (language is { } chosen)
            {
                await Customer().ChooseLanguage(chosen);
                LanguageCookie.Write(HttpContext, chosen);
            }
            if ((account.Profile.AccountType == AccountType.Pro) != User.IsInRole(Roles.Pro))
            {
                await AccountClaims.SignIn(HttpContext, new SignedInAccount(account.Profile.CustomerId, User.IsInRole(Roles.Admin), account.Profile.AccountType));
            }
            return RedirectToPage("/Account/Profile", new { updated = true });
        }
        catch (DomainException failure)
        {
            (Problem, Errors) = FormErrors.From(failure, text);
            HasProfile = failure.Kind != DomainErrorKind.NotFound;
            return Page();
        }
    }

    private ICustomerGrain Customer() => grains.GetGrain<ICustomerGrain>(User.CallerIdOrNull()!.Value);
}
