using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using MyStamp.BuildingBlocks.Errors;
using MyStamp.BuildingBlocks.Grains;
using MyStamp.Customers.Contracts;
using MyStamp.Orders.Contracts;
using MyStamp.Audit.Contracts;
using MyStamp.Web.Admin.Looks;
using MyStamp.Web.Orders.Live;
using MyStamp.Web.Languages;
using MyStamp.Web.Security;

using MyStamp.Web.ApiReference;

namespace MyStamp.Web.Orders;

/// <summary>The Orders and Pro bulk orders API (API.md), and the live-status hub at /hubs/orders.</summary>
public static class OrdersApi
{
    public static IEndpointRouteBuilder MapOrdersApi(this IEndpointRouteBuilder app)
    {
        var orders = app.MapGroup("/api/orders").RequireAuthorization();
        orders.MapPost("/", Place).Produces<OrderView>(StatusCodes.Status201Created);
        orders.MapGet("/", (ClaimsPrincipal user, IGrainFactory grains) =>
            grains.GetGrain<IOrdersOverviewGrain>(0).ListForCustomer(user.CallerId(), 500));
        orders.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, IGrainFactory grains) =>
            await grains.GetGrain<IOrderGrain>(id).GetFor(user.CallerId()) ?? throw DomainException.NotFound("The order"));
        orders.MapPost("/{id:guid}/pay", (Guid id, ClaimsPrincipal user, IGrainFactory grains) =>
            grains.GetGrain<IOrderGrain>(id).Pay(user.CallerId()));
        orders.MapPost("/{id:guid}/cancel", (Guid id, ClaimsPrincipal user, IGrainFactory grains) =>
            grains.GetGrain<IOrderGrain>(id).Cancel(user.CallerId()));
        // The home page shows the prices to visitors who have not signed in (a public route, see AccessMatrixTests).
        orders.MapGet("/prices", (IGrainFactory grains) => grains.GetGrain<IOrdersOverviewGrain>(0).GetPriceList()).AllowAnonymous();
        orders.MapGet("/quote", (Tariff? tariff, int? sheets, IGrainFactory grains) =>
            tariff is null || sheets is null
                ? throw DomainException.Invalid(Missing(("tariff", tariff is null), ("sheets", sheets is null)))
                : grains.GetGrain<IOrdersOverviewGrain>(0).Quote(tariff.Value, sheets.Value));

        var admin = app.MapGroup("/api/admin/orders").RequireAuthorization(Roles.AdminPolicy);
        admin.MapGet("/", (OrderStatus? status, int? limit, IGrainFactory grains) =>
            grains.GetGrain<IOrdersOverviewGrain>(0).ListByStatus(status ?? OrderStatus.Paid, Math.Clamp(limit ?? 200, 1, 1000)))
            .ShowsNoPersonalData("Order summaries from the overview: ids, statuses, tariffs, sheets and totals, no address");
        admin.MapGet("/{id:guid}", async (Guid id, IGrainFactory grains, AdminLooks looks) =>
        {
            var order = await grains.GetGrain<IOrderGrain>(id).Get() ?? throw DomainException.NotFound("The order");
            await looks.AtOrderCustomer(order, ViewedData.Order);
            return order;
        }).ShowsPersonalData(ViewedData.Order);
        admin.MapPost("/{id:guid}/status", async (Guid id, ChangeStatusRequest request, IGrainFactory grains) =>
            request.Status is { } status
                ? AdminOrderStatus.From(await grains.GetGrain<IOrderGrain>(id).MoveTo(status, TransitionSource.Admin))
                : throw DomainException.Invalid("status", "Required."))
            .ShowsNoPersonalData("Answers the order's id, status and history: the shipping address stays out of the answer");

        var bulk = app.MapGroup("/api/pro/bulk-orders").RequireAuthorization(Roles.ProPolicy);
        bulk.MapPost("/", SubmitBulk).DisableAntiforgery()
            .WithMetadata(new MultipartForm(typeof(BulkOrderUpload))).Produces<BulkOrderAccepted>(StatusCodes.Status202Accepted);
        bulk.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, IGrainFactory grains, DomainText text) =>
            BulkFile.InWords(await grains.GetGrain<IBulkOrderGrain>(id).GetFor(user.CallerId()) ?? throw DomainException.NotFound("The bulk order"), text));

        app.MapHub<OrdersHub>("/hubs/orders");
        return app;
    }

    private static async Task<IResult> Place(PlaceOrderRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var errors = new FieldErrors();
        if (request.DesignId is null) errors.Add("designId", "Required.");
        if (request.Tariff is null) errors.Add("tariff", "Required.");
        if (request.Sheets is null) errors.Add("sheets", "Required.");
        if (request.ControllerAttestation != true)
        {
            // O2: no order without the customer's confirmation that they are the controller.
            errors.Add("controllerAttestation", "Confirm that you may use the likeness and names of the people shown or named on your stamps.");
        }
        errors.ThrowIfAny();

        var orderId = Guid.CreateVersion7();
        // A new id: the order grain's activation skips reading a row that cannot exist.
        using var newOrder = GrainStorage.CallingNewGrain(orderId);
        var order = await grains.GetGrain<IOrderGrain>(orderId).Place(new PlaceOrder(
            user.CallerId(), request.DesignId!.Value, request.Tariff!.Value, request.Sheets!.Value,
            request.ShippingAddress?.ToPostalAddress(), ControllerAttestation: true));
        return Results.Created($"/api/orders/{orderId}", order);
    }

    private static async Task<IResult> SubmitBulk(HttpRequest http, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!http.HasFormContentType)
        {
            throw new DomainException(DomainErrorKind.UnsupportedMediaType, "Send the CSV as multipart/form-data in the field 'file'.");
        }
        var form = await http.ReadFormAsync();
        var csv = await BulkFile.ReadCsv(form.Files.GetFile("file"));
        var attested = form["controllerAttestation"].ToString() is "true" or "on" or "True";
        if (!attested)
        {
            throw DomainException.Invalid("controllerAttestation", "Confirm that you may use the likeness and names of the people shown or named on your stamps.");
        }
        var receipt = await grains.GetGrain<IBulkOrderIntakeGrain>(user.CallerId())
            .Submit(new SubmitBulkOrder(Guid.CreateVersion7(), csv, attested));
        return Results.Accepted($"/api/pro/bulk-orders/{receipt.BulkOrderId}", new BulkOrderAccepted(receipt.BulkOrderId, receipt.AlreadySubmitted));
    }

    private static Dictionary<string, string[]> Missing(params (string Field, bool IsMissing)[] fields) =>
        fields.Where(field => field.IsMissing).ToDictionary(field => field.Field, _ => new[] { "Required." });
}

/// <summary>Body of POST /api/orders. Nullable members so that a missing field is a field error, not a default.</summary>
public sealed record PlaceOrderRequest(Guid? DesignId, Tariff? Tariff, int? Sheets, AddressRequest? ShippingAddress, bool? ControllerAttestation);

/// <summary>A shipping address as the API takes it.</summary>
public sealed record AddressRequest(string? Street, string? HouseNumber, string? Box, string? PostalCode, string? City, string? Country)
{
    public PostalAddress ToPostalAddress() => new(Street ?? "", HouseNumber ?? "", Box, PostalCode ?? "", City ?? "", Country ?? "");

    /// <summary>Personal data: never logged.</summary>
    public override string ToString() => "AddressRequest { redacted }";
}

/// <summary>The answer to an admin's move: where the order stands, without its shipping address (no look needed).</summary>
public sealed record AdminOrderStatus(Guid OrderId, OrderStatus Status, IReadOnlyList<StatusChange> History)
{
    public static AdminOrderStatus From(OrderView order) => new(order.OrderId, order.Status, order.History);
}

/// <summary>The multipart form of POST /api/pro/bulk-orders, as the API reference describes it (the endpoint reads the form itself).</summary>
/// <param name="File">The CSV: designId, tariff, sheets, street, houseNumber, box, postalCode, city, country.</param>
/// <param name="ControllerAttestation">"true": the customer confirms they may use the likeness and names on the stamps (O2).</param>
public sealed record BulkOrderUpload(IFormFile File, bool ControllerAttestation);

/// <summary>Answer of POST /api/pro/bulk-orders: where to follow the file, and whether the same file was sent before.</summary>
public sealed record BulkOrderAccepted(Guid BulkOrderId, bool AlreadySubmitted);

/// <summary>Body of POST /api/admin/orders/{id}/status.</summary>
public sealed record ChangeStatusRequest(OrderStatus? Status);
