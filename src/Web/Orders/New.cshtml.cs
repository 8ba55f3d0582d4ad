using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyStamp.BuildingBlocks.Errors;
using MyStamp.Web.Errors;
using MyStamp.BuildingBlocks.Grains;
using MyStamp.Customers.Contracts;
using MyStamp.Orders.Contracts;
using MyStamp.Studio.Contracts;
using MyStamp.Web.Security;

namespace MyStamp.Web.Orders;

/// <summary>The order form: an approved design, a tariff, sheets, a shipping address, the controller attestation (O2), with its price.</summary>
[Authorize]
public sealed class NewOrderModel(IGrainFactory grains, Languages.DomainText text) : PageModel
{
    public PriceList Prices { get; private set; } = null!;
    public CustomerProfile? Profile { get; private set; }
    public IReadOnlyList<DesignView> Designs { get; private set; } = [];
    public OrderPrice? Quote { get; private set; }

    [BindProperty]
    public OrderForm Form { get; set; } = new();

    /// <summary>Set when the verification link was just mailed again from this page (see ResendVerification).</summary>
    [BindProperty(SupportsGet = true)]
    public bool VerificationSent { get; set; }

    /// <summary>Where "send the link again" comes back to: this form, for the same design.</summary>
    public string AfterResend => $"/Orders/New?designId={Form.DesignId}&verificationSent=true";

    public async Task OnGet(Guid? designId)
    {
        await Load();
        Form.DesignId = designId ?? Designs.FirstOrDefault()?.DesignId;
        if (Profile is not null)
        {
            Form.Street = Profile.Address.Street;
            Form.HouseNumber = Profile.Address.HouseNumber;
            Form.Box = Profile.Address.Box;
            Form.PostalCode = Profile.Address.PostalCode;
            Form.City = Profile.Address.City;
            Form.Country = Profile.Address.Country;
        }
        Quote = await grains.GetGrain<IOrdersOverviewGrain>(0).Quote(Form.Tariff, Form.Sheets);
    }

    public async Task<IActionResult> OnPost()
    {
        if (Form.DesignId is null)
        {
            ModelState.AddModelError("Form.DesignId", text.Translate("Choose a design."));
        }
        if (!Form.ControllerAttestation)
        {
            // O2
            ModelState.AddModelError("Form.ControllerAttestation", text.Translate("Confirm that you may use the likeness and names of the people shown or named on your stamps."));
        }
        if (ModelState.IsValid)
        {
            try
            {
                var address = new PostalAddress(Form.Street ?? "", Form.HouseNumber ?? "", Form.Box, Form.PostalCode ?? "", Form.City ?? "", Form.Country ?? "");
                var orderId = Guid.CreateVersion7();
                using var newOrder = GrainStorage.CallingNewGrain(orderId);
                await grains.GetGrain<IOrderGrain>(orderId).Place(new PlaceOrder(
                    User.CallerId(), Form.DesignId!.Value, Form.Tariff, Form.Sheets, address, Form.ControllerAttestation));
                return Redirect($"/Orders/{orderId}");
            }
            catch (DomainException exception)
            {
                FormErrors.From(exception, text).AddTo(ModelState, FormField);
            }
        }
        await Load();
        if (Form.Sheets >= 1 && Form.Sheets <= Prices.MaxSheetsPro && Enum.IsDefined(Form.Tariff))
        {
            Quote = await grains.GetGrain<IOrdersOverviewGrain>(0).Quote(Form.Tariff, Form.Sheets);
        }
        return Page();
    }

    public int MaxSheets => Profile?.AccountType == AccountType.Pro ? Prices.MaxSheetsPro : Prices.MaxSheetsConsumer;

    private async Task Load()
    {
        var customer = grains.GetGrain<ICustomerGrain>(User.CallerId());
        Prices = await grains.GetGrain<IOrdersOverviewGrain>(0).GetPriceList();
        Profile = await customer.GetProfile();
        var designs = await grains.GetGrain<IDesignCatalogGrain>(0).ListForOwner(User.CallerId(), 100);
        Designs = designs.Where(design => design.Status == DesignStatus.Approved).ToList();
    }

    /// <summary>"shippingAddress.street" → "Form.Street", so the message lands beside its field.</summary>
    private static string FormField(string field)
    {
        var name = field.Split('.')[^1];
        return name.Length == 0 ? "" : $"Form.{char.ToUpperInvariant(name[0])}{name[1..]}";
    }

    public sealed class OrderForm
    {
        public Guid? DesignId { get; set; }
        public Tariff Tariff { get; set; } = Tariff.BelgiumNonPrior;
        [Range(1, 10_000)]
        public int Sheets { get; set; } = 1;
        public string? Street { get; set; }
        public string? HouseNumber { get; set; }
        public string? Box { get; set; }
        public string? PostalCode { get; set; }
        public string? City { get; set; }
        public string? Country { get; set; }
        public bool ControllerAttestation { get; set; }
    }
}
