using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyStamp.Customers.Contracts;

namespace MyStamp.Web.Admin.Customers;

/// <summary>
/// Finds a customer by e-mail or id. The search is a POST: an e-mail address is personal data and never
/// goes into a URL; the answer redirects to the customer's page, whose URL holds only the random id.
/// </summary>
[MyStamp.Web.Admin.Looks.ShowsNoPersonalData("The search form; the answer redirects to the customer's page, which records the look")]
public sealed class FindCustomerModel(IGrainFactory grains, Microsoft.Extensions.Localization.IStringLocalizer<Languages.AdminText> text) : PageModel
{
    [BindProperty]
    [Display(Name = "E-mail address or customer id")]
    public string? Query { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var query = Query?.Trim();
        if (string.IsNullOrEmpty(query))
        {
            ModelState.AddModelError(nameof(Query), text["Enter an e-mail address or a customer id."]);
            return Page();
        }
        if (Guid.TryParse(query, out var customerId))
        {
            return RedirectToPage("/Admin/Customers/Details", new { customerId });
        }
        var found = await grains.GetGrain<IAccountsGrain>(0).FindCustomerByEmail(query);
        if (found is null)
        {
            ModelState.AddModelError(nameof(Query), text["No customer has this e-mail address."]);
            return Page();
        }
        return RedirectToPage("/Admin/Customers/Details", new { customerId = found.Value });
    }
}
