using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyStamp.Privacy.Contracts;

namespace MyStamp.Web.Privacy;

/// <summary>One published version of the policy: past versions stay readable (O11).</summary>
public sealed class PolicyVersionModel(IGrainFactory grains) : PageModel
{
    public PolicyVersion Shown { get; private set; } = null!;
    public int CurrentVersion { get; private set; }

    public async Task<IActionResult> OnGetAsync(int version)
    {
        var policy = grains.GetGrain<IPrivacyPolicyGrain>(0);
        if (await policy.GetVersion(version) is not { } shown)
        {
            return NotFound();
        }
        Shown = shown;
        CurrentVersion = (await policy.GetCurrent()).Version;
        return Page();
    }
}
