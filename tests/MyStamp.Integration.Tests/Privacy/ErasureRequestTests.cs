using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MyStamp.Audit.Contracts;
using MyStamp.Integration.Tests.Infrastructure;
using MyStamp.Integration.Tests.Retention;
using MyStamp.Orders.Contracts;
using MyStamp.Privacy.Contracts;
using MyStamp.Web.Privacy;

namespace MyStamp.Integration.Tests.Privacy;

/// <summary>
/// An erasure request (GDPR Art. 17) that an admin approves erases the customer through the same erasure as
/// the three-year deadline (O7, O8): the account is closed, the orders keep no personal data, and the request
/// stays, fulfilled, without the requester's data.
/// </summary>
public sealed class ErasureRequestTests
{
    [Fact]
    public async Task An_approved_erasure_request_erases_the_customer_and_shows_as_fulfilled()
    {
        // O7, O8
        await using var world = await RetentionWorld.Create("erasure-request");
        var registration = Accounts.ConsumerRegistration();
        registration["lastName"] = "Vanhoutteghem";
        var (account, client) = await world.SignedInCustomer(registration);
        var designId = await world.ApprovedDesign(client, RetentionWorld.PatternPhoto());
        var orderId = await RetentionWorld.PlaceOrder(client, designId);
        Assert.NotNull(await world.Grains.GetGrain<IOrderGrain>(orderId).Get());

        // Signed in, the customer asks for erasure: no identity document needed, the request is linked and in progress.
        using var form = PrivacyTestFiles.RequestForm("Erasure", (string)registration["firstName"]!, (string)registration["lastName"]!, account.Email, document: null, redactionsJson: null);
        using var submitted = await client.PostAsync("/api/privacy/requests", form);
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var requestId = (await submitted.Read<SubmittedRequest>()).RequestId;
        using var admin = await world.Node.LoginAsAdmin();
        Assert.Equal(RequestStatus.InProgress, await PrivacyWorld.Status(admin, requestId));
        // Opening the request put a look in the customer's audit trail.
        Assert.NotEmpty(await world.Grains.GetGrain<IPersonalDataViewsGrain>(account.CustomerId).List());

        var fulfilled = (await PrivacyWorld.Decide(admin, requestId, new { decision = "Fulfil" }, HttpStatusCode.OK))!;

        Assert.Equal(RequestStatus.Fulfilled, fulfilled.Status);
        Assert.NotEmpty(fulfilled.ProcessorsNotified);
        Assert.True(await world.IsErased(account.CustomerId));
        Assert.Equal("request", await world.Scalar<string>("SELECT erased_by FROM retention_deadlines WHERE subject_kind = 'customer' AND subject_id = @id", ("id", account.CustomerId)));
        // Signed out everywhere, and no sign-in any more.
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/account/me")).StatusCode);
        using (var anonymous = world.Node.CreateApiClient())
        using (var login = await anonymous.PostAsJsonAsync("/api/account/login", new { email = account.Email, password = account.Password }))
        {
            Assert.NotEqual(HttpStatusCode.OK, login.StatusCode);
        }
        // The order keeps no personal data, and no overview row names the customer.
        Assert.Null(await world.Grains.GetGrain<IOrderGrain>(orderId).Get());
        Assert.Equal(0L, await world.Scalar<long>("SELECT count(*) FROM orders_overview WHERE customer_id = @id", ("id", account.CustomerId)));
        Assert.Empty(await world.Grains.GetGrain<IPersonalDataViewsGrain>(account.CustomerId).List());

        // The request stays as proof it was answered: fulfilled, with its steps, but without the person.
        var detail = await PrivacyWorld.Open(admin, requestId);
        Assert.Equal(RequestStatus.Fulfilled, detail.Request.Status);
        Assert.Null(detail.Request.CustomerId);
        var asText = await admin.GetStringAsync($"/api/admin/privacy/requests/{requestId}");
        Assert.DoesNotContain(account.Email, asText, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain((string)registration["lastName"]!, asText, StringComparison.OrdinalIgnoreCase);
        var actions = detail.AuditTrail.Select(step => step.Action).ToList();
        Assert.Contains("Requester's personal data erased", actions);
        Assert.Contains("Customer erased", actions);
        Assert.Equal("Fulfilled", actions.Last());
        // Nobody's look is recorded any more: the request is no longer about anyone.
        Assert.Empty(await world.Grains.GetGrain<IPersonalDataViewsGrain>(account.CustomerId).List());
    }
}
