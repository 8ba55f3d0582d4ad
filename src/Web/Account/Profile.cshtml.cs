using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyStamp.Customers.Contracts;

namespace MyStamp.Web.Account;

[Authorize]
public sealed class ProfileModel(IGrainFactory grains) : PageModel
{
    public CustomerAccount? Account { get; private set; }

    [BindProperty(SupportsGet = true)]
    public bool Registered { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Updated { get; set; }

    public async Task OnGetAsync()
    {
        Account = await grains.GetGrain<ICustomerGrain>(User.AccountId()!.Value).GetAccount();
    }
}
