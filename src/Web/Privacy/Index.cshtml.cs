using Microsoft.AspNetCore.Mvc.RazorPages;
using MyStamp.Privacy.Contracts;

namespace MyStamp.Web.Privacy;

/// <summary>The privacy page: the current policy with its revision date at the top (O11), older versions, the general policy (O12), the register (O3, O6).</summary>
public sealed class PrivacyIndexModel(IGrainFactory grains) : PageModel
{
    public PolicyVersion Current { get; private set; } = null!;
    public IReadOnlyList<PolicyVersion> Older { get; private set; } = [];
    public ProcessingRegister Register { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        var versions = await grains.GetGrain<IPrivacyPolicyGrain>(0).GetVersions();
        Current = versions[0];
        Older = versions.Skip(1).ToList();
        Register = await grains.GetGrain<IProcessingRegisterGrain>(0).Get();
    }
}
