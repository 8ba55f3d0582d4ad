using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyStamp.BuildingBlocks.Errors;
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
            Language = account.Profile.Language.Code();
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var input = Form.ToInput(acceptedPolicyVersion: null, Errors);
        // A form without the field (a script posting only the profile) keeps the language as it is.
        var language = CustomerLanguages.FromCode(Language);
        if (language is null && !string.IsNullOrWhiteSpace(Language))
        {
            Errors["language"] = ["Choose Dutch, French, German or English."];
        }
        if (Errors.Count > 0)
        {
            Errors = Errors.ToDictionary(pair => pair.Key, pair => pair.Value.Select(text.Translate).ToArray());
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
            Errors = text.FieldErrors(failure);
            Problem = text.Title(failure);
            HasProfile = failure.Kind != DomainErrorKind.NotFound;
            return Page();
        }
    }

    private ICustomerGrain Customer() => grains.GetGrain<ICustomerGrain>(User.CallerIdOrNull()!.Value);
}
