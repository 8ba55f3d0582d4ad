using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyStamp.BuildingBlocks.Errors;
using MyStamp.Web.Errors;
using MyStamp.Customers.Contracts;
using MyStamp.Privacy.Contracts;
using MyStamp.Web.Admin.Looks;
using MyStamp.Web.Languages;
using MyStamp.Web.Security;
using Microsoft.Extensions.Localization;

namespace MyStamp.Web.Privacy.Admin;

/// <summary>Admin tools: postal requests and objections (O4, O8), audience exports (O4, O5), publishing the policy (O11).</summary>
[Authorize(Policy = Roles.AdminPolicy)]
[ShowsNoPersonalData("Forms for postal requests, objections, exports and the policy; only the export handler answers with personal data")]
public sealed class PrivacyAdminModel(IGrainFactory grains, AdminLooks looks, DomainText text, IStringLocalizer<ShopText> shopText) : PageModel
{
    [TempData]
    public string? Message { get; set; }

    public void OnGet()
    {
    }

    public Task<IActionResult> OnPostPostalRequestAsync(RequestType type, string? firstName, string? lastName, string? address, string? email, DateOnly? receivedOn, Guid? customerId, string? details, string? language) =>
        Run(async () =>
        {
            var requestId = Guid.CreateVersion7();
            await grains.GetGrain<IDataSubjectRequestGrain>(requestId).Submit(new SubmitDataSubjectRequest(
                type, RequestChannel.Post, new Requester(firstName ?? "", lastName ?? "", email, address), details, customerId, User.CallerId(), receivedOn, null)
            {
                // Every letter and e-mail of the request is in the language the admin chose for the requester.
                Language = string.IsNullOrWhiteSpace(language) ? ShopLanguages.Current.Code() : language,
            });
            return LocalRedirect($"/Admin/Privacy/Requests/{requestId}");
        });

    public Task<IActionResult> OnPostPostalObjectionAsync(Guid customerId, ObjectionChannel channel) =>
        Run(async () =>
        {
            await grains.GetGrain<ICustomerPrivacyGrain>(customerId).Object(channel, ObjectionSource.SignedPostalRequest, User.CallerId());
            Message = shopText["The objection is recorded and took effect at once."];
            return RedirectToPage();
        });

    [ShowsPersonalData("Advertising audience export: every person in it")]
    public Task<IActionResult> OnPostAudienceAsync(AudienceChannel channel, string? subject, string? message) =>
        Run(async () =>
        {
            var export = await grains.GetGrain<IAdvertisingAudienceGrain>(0).Export(new AudienceExportRequest(channel, subject ?? "", message ?? "", User.CallerId()));
            // Recorded per person before the file leaves: the export, and for each person that they were in it.
            await looks.Export(export.Channel.ToString(), export.Included);
            return File(Encoding.UTF8.GetBytes(export.Csv), "text/csv; charset=utf-8", $"audience-{channel.ToString().ToLowerInvariant()}.csv");
        });

    public Task<IActionResult> OnPostPublishAsync(DateOnly? revisedOn, string? language, string? text) =>
        Run(async () =>
        {
            var version = await grains.GetGrain<IPrivacyPolicyGrain>(0).Publish(new PublishPolicyVersion(
                revisedOn ?? throw DomainException.Invalid("revisedOn", "Give the revision date."), language ?? "nl", text ?? "", User.CallerId()));
            Message = shopText["Version {0} is published and in force.", version.Version];
            return RedirectToPage();
        });

    private async Task<IActionResult> Run(Func<Task<IActionResult>> action)
    {
        try
        {
            return await action();
        }
        catch (DomainException exception)
        {
            Message = FormErrors.From(exception, text).OneLine;
            return RedirectToPage();
        }
    }
}
