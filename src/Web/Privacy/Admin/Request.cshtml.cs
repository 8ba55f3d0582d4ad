using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyStamp.Audit.Contracts;
using MyStamp.BuildingBlocks.Errors;
using MyStamp.Web.Errors;
using MyStamp.Privacy.Contracts;
using MyStamp.Web.Admin.Looks;
using MyStamp.Web.Languages;
using MyStamp.Web.Security;

namespace MyStamp.Web.Privacy.Admin;

/// <summary>One request for an admin: details, the redacted document while it exists, decisions, messages and the audit trail.</summary>
[Authorize(Policy = Roles.AdminPolicy)]
[ShowsPersonalData(ViewedData.DataSubjectRequest)]
public sealed class RequestDecisionModel(IGrainFactory grains, AdminLooks looks, DomainText text) : PageModel
{
    public DataSubjectRequestView View { get; private set; } = null!;
    public IReadOnlyList<RequestAuditEntry> AuditTrail { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await Load(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, DecisionKind decision, RejectionGround? ground, string? reason, Guid? customerId)
    {
        try
        {
            await grains.GetGrain<IDataSubjectRequestGrain>(id).Decide(new RequestDecision(decision, User.CallerId(), reason, ground, customerId));
            return RedirectToPage(new { id });
        }
        catch (DomainException exception)
        {
            Error = FormErrors.From(exception, text).OneLine;
            return await Load(id) ? Page() : NotFound();
        }
    }

    private async Task<bool> Load(Guid id)
    {
        var request = grains.GetGrain<IDataSubjectRequestGrain>(id);
        if (await request.Get() is not { } view)
        {
            return false;
        }
        // In the customer's trail, or the request's own for a requester without an account, before anything is
        // shown; if that fails, nothing is.
        await looks.AtRequester(view, ViewedData.DataSubjectRequest);
        View = view;
        AuditTrail = await request.GetAuditTrail();
        return true;
    }
}
