using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using MyStamp.Integration.Tests.Infrastructure;
using MyStamp.Orders.Contracts;
using MyStamp.Studio.Tests;
using MyStamp.Web.Orders;
using MyStamp.Web.Privacy;
using MyStamp.Web.Studio;

namespace MyStamp.Integration.Tests.Resilience;

/// <summary>What the resilience tests build through the public API: approved designs, orders, requests, bulk orders.</summary>
public static class ResilienceWorld
{
    /// <summary>Uploads a photo as <paramref name="owner"/>, has <paramref name="admin"/> approve it, returns the design id.</summary>
    public static async Task<Guid> ApprovedDesign(HttpClient owner, HttpClient admin)
    {
        var designId = await UploadDesign(owner);
        using var approved = await admin.PostAsJsonAsync($"/api/admin/designs/{designId}/review", new { decision = "Approve" });
        await Expect(approved, HttpStatusCode.OK, "approving a design");
        return designId;
    }

    public static async Task<Guid> UploadDesign(HttpClient owner)
    {
        var photo = new ByteArrayContent(TestPhotos.CameraJpeg(1200, 900));
        photo.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        using var form = new MultipartFormDataContent { { photo, "photo", "holiday.jpg" } };
        using var uploaded = await owner.PostAsync("/api/designs", form);
        await Expect(uploaded, HttpStatusCode.Created, "uploading a photo");
        return (await uploaded.Read<UploadResponse>()).DesignId;
    }

    public static async Task<Guid> PlaceOrder(HttpClient customer, Guid designId, int sheets = 2)
    {
        using var placed = await customer.PostAsJsonAsync("/api/orders", new { designId, tariff = "BelgiumNonPrior", sheets, controllerAttestation = true });
        await Expect(placed, HttpStatusCode.Created, "placing an order");
        return (await placed.Read<OrderView>()).OrderId;
    }

    /// <summary>A data-subject request of a signed-in customer about their own account (no identity document needed).</summary>
    public static async Task<Guid> PrivacyRequest(HttpClient customer)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent("Access"), "type" },
            { new StringContent("Ann"), "firstName" },
            { new StringContent("Peeters"), "lastName" },
            { new StringContent("ann@example.test"), "email" },
        };
        using var submitted = await customer.PostAsync("/api/privacy/requests", form);
        await Expect(submitted, HttpStatusCode.Created, "submitting a data-subject request");
        return (await submitted.Read<SubmittedRequest>()).RequestId;
    }

    /// <summary>A bulk order of a Pro account: <paramref name="lines"/> lines ordering <paramref name="designId"/>.</summary>
    public static async Task<Guid> BulkOrder(HttpClient pro, Guid designId, int lines, int sheets = 1)
    {
        // A street name of its own makes each file unique: the same file twice would answer the first bulk order.
        var street = "Straat " + new string(Guid.NewGuid().ToString("N").Select(digit => (char)('a' + digit % 26)).ToArray());
        var csv = new StringBuilder("designId,tariff,sheets,street,houseNumber,box,postalCode,city,country\n");
        for (var line = 0; line < lines; line++)
        {
            csv.Append($"{designId},BelgiumNonPrior,{sheets},{street},{line + 1},,1000,Brussel,BE\n");
        }
        using var submitted = await pro.PostAsync("/api/pro/bulk-orders", BulkForm(Encoding.UTF8.GetBytes(csv.ToString())));
        await Expect(submitted, HttpStatusCode.Accepted, "submitting a bulk order");
        return (await submitted.Read<BulkOrderAccepted>()).BulkOrderId;
    }

    public static MultipartFormDataContent BulkForm(byte[] csv, string fileName = "orders.csv", string contentType = "text/csv")
    {
        var file = new ByteArrayContent(csv);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { file, "file", fileName }, { new StringContent("true"), "controllerAttestation" } };
    }

    public static async Task Expect(HttpResponseMessage response, HttpStatusCode expected, string what)
    {
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException($"{what} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
