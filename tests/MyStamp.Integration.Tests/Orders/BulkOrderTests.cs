using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using MyStamp.Customers.Contracts;
using MyStamp.Orders.Contracts;
using MyStamp.Retention.Contracts;
using MyStamp.Web.Orders;

namespace MyStamp.Integration.Tests.Orders;

public class BulkOrderTests(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private const string Header = "designId,tariff,sheets,street,houseNumber,box,postalCode,city,country";

    [Fact]
    public async Task Bad_lines_are_reported_by_line_and_the_good_lines_are_ordered()
    {
        using var pro = await fixture.Node.NewProCustomer();
        var designId = await Designs.Approved(pro, fixture.Admin);
        var csv = string.Join("\n",
            Header,
            $"{designId},BelgiumNonPrior,20,Rue Neuve,1,,1000,Brussels,BE",
            $"{designId},Mars,20,Rue Neuve,2,,1000,Brussels,BE",
            $"{designId},Europe,5,Hauptstrasse,3,,10115,Berlin,DE",
            $"{Guid.NewGuid()},World,1,Main Street,4,,10001,New York,US",
            $"{designId},World,0,Main Street,5,,10001,New York,US",
            $"{designId},BelgiumPrior,10000,Kerkstraat,6,B2,9000,Gent,BE");

        var bulkOrderId = await Submit(pro, csv);
        var bulk = await WaitUntilCompleted(pro, bulkOrderId, TimeSpan.FromSeconds(60));

        Assert.Equal(6, bulk.Total);
        Assert.Equal(6, bulk.Processed);
        Assert.Equal(3, bulk.Failed);
        var errors = bulk.Errors.ToDictionary(error => error.Line, error => error.Message);
        Assert.Equal([3, 5, 6], errors.Keys.Order());
        Assert.Contains("tariff", errors[3]);
        Assert.Contains("designId", errors[5]);
        Assert.Contains("sheets", errors[6]);
        var orders = (await OrdersWorld.MyOrders(pro)).Where(order => order.BulkOrderId == bulkOrderId).ToList();
        Assert.Equal(3, orders.Count);
        Assert.Equal(new[] { 5, 20, 10_000 }, orders.Select(order => order.Sheets).Order());
    }

    [Fact]
    public async Task A_French_speaking_Pro_reads_the_line_errors_and_the_page_in_French()
    {
        var account = await fixture.Node.Register(Accounts.ProRegistration(), acceptLanguage: "fr-BE");
        using var pro = await fixture.Node.Login(account, api: false);
        using var api = await fixture.Node.Login(account);
        var designId = await Designs.Approved(api, fixture.Admin);
        var csv = string.Join("\n",
            Header,
            $"{designId},Mars,20,Rue Neuve,2,,1000,Brussels,BE",
            $"{designId},Europe,5,,3,,10115,Berlin,DE");

        var bulkOrderId = await Submit(api, csv);
        var bulk = await WaitUntilCompleted(api, bulkOrderId, TimeSpan.FromSeconds(60));

        // Each problem after the column it concerns (the file's own column names), in the customer's language.
        var errors = bulk.Errors.ToDictionary(error => error.Line, error => error.Message);
        Assert.Equal("tariff: Utilisez l'un de ceux-ci : BelgiumNonPrior, BelgiumPrior, Europe, World.", errors[2]);
        Assert.Equal("street: Obligatoire.", errors[3]);
        var page = WebUtility.HtmlDecode(await pro.GetStringAsync($"/Pro/BulkOrders/{bulkOrderId}"));
        Assert.Contains("<html lang=\"fr\">", page, StringComparison.Ordinal);
        Assert.Contains("<h1>Commande groupée</h1>", page, StringComparison.Ordinal);
        Assert.Contains("Lignes avec des erreurs", page, StringComparison.Ordinal);
        Assert.Contains("tariff: Utilisez l'un de ceux-ci : BelgiumNonPrior", page, StringComparison.Ordinal);
        Assert.Contains(">Terminée</strong>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bulk_file_refused_whole_is_explained_on_the_page_in_the_customers_language()
    {
        var account = await fixture.Node.Register(Accounts.ProRegistration(), acceptLanguage: "nl-BE");
        using var pro = await fixture.Node.Login(account, api: false);
        var page = await pro.GetStringAsync("/Pro/BulkOrders");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes("name,count\nx,1")), "file", "orders.csv" },
            { new StringContent("true"), "controllerAttestation" },
        };

        using var refused = await pro.PostAsync("/Pro/BulkOrders", form);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var answer = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("<html lang=\"nl\">", answer, StringComparison.Ordinal);
        Assert.Contains("In de kopregel ontbreekt of ontbreken de kolom(men) designid", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_file_sent_twice_is_recognised_and_not_ordered_twice()
    {
        using var pro = await fixture.Node.NewProCustomer();
        var designId = await Designs.Approved(pro, fixture.Admin);
        var csv = string.Join("\n", Header,
            $"{designId},Europe,2,Hauptstrasse,3,,10115,Berlin,DE",
            $"{designId},World,1,Main Street,4,,10001,New York,US");

        var first = await SubmitRaw(pro, csv);
        var second = await SubmitRaw(pro, csv);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        var firstId = (await first.Read<BulkOrderAccepted>()).BulkOrderId;
        var again = await second.Read<BulkOrderAccepted>();
        Assert.Equal(firstId, again.BulkOrderId);
        Assert.True(again.AlreadySubmitted);
        await WaitUntilCompleted(pro, firstId, TimeSpan.FromSeconds(60));
        Assert.Equal(2, (await OrdersWorld.MyOrders(pro)).Length);

        // A different file is a new bulk order.
        var changed = await SubmitRaw(pro, csv + "\n" + $"{designId},Europe,1,Hauptstrasse,9,,10115,Berlin,DE");
        Assert.NotEqual(firstId, (await changed.Read<BulkOrderAccepted>()).BulkOrderId);
    }

    [Fact]
    public async Task A_file_of_10000_lines_is_ordered_to_the_end()
    {
        using var pro = await fixture.Node.NewProCustomer();
        var designId = await Designs.Approved(pro, fixture.Admin);
        var csv = new StringBuilder(Header);
        for (var line = 0; line < 10_000; line++)
        {
            // Every thousandth line is broken: the rest still goes through.
            var sheets = line % 1000 == 999 ? "none" : "1";
            csv.Append('\n').Append($"{designId},BelgiumNonPrior,{sheets},Kerkstraat,{line + 1},,9000,Gent,BE");
        }

        var clock = Stopwatch.StartNew();
        var bulkOrderId = await Submit(pro, csv.ToString());
        var bulk = await WaitUntilCompleted(pro, bulkOrderId, TimeSpan.FromMinutes(5));

        Assert.Equal(10_000, bulk.Total);
        Assert.Equal(10_000, bulk.Processed);
        Assert.Equal(10, bulk.Failed);
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Every_line_of_a_bulk_order_is_known_to_the_customers_erasure_and_the_last_sets_the_deadline()
    {
        // O7: the customer is told a chunk of lines at a time; no order may escape the customer's erasure,
        // and the three years count from the last order placed.
        using var pro = await fixture.Node.NewProCustomer();
        var designId = await Designs.Approved(pro, fixture.Admin);
        var csv = new StringBuilder(Header);
        for (var line = 0; line < 120; line++)
        {
            csv.Append('\n').Append($"{designId},Europe,1,Hauptstrasse,{line + 1},,10115,Berlin,DE");
        }

        var bulkOrderId = await Submit(pro, csv.ToString());
        await WaitUntilCompleted(pro, bulkOrderId, TimeSpan.FromSeconds(90));

        var customer = fixture.Node.Grains.GetGrain<ICustomerGrain>(pro.AccountId);
        var known = (await customer.GetOrderIds()).ToHashSet();
        var orderIds = (await OrdersWorld.MyOrders(pro))
            .Where(order => order.BulkOrderId == bulkOrderId)
            .Select(order => order.OrderId).ToList();
        Assert.Equal(120, orderIds.Count);
        Assert.All(orderIds, orderId => Assert.Contains(orderId, known));
        var orders = await Task.WhenAll(orderIds.Select(orderId => fixture.Node.Grains.GetGrain<IOrderGrain>(orderId).Get()));
        var lastDeadline = orders.Max(order => order!.RetentionUntil);
        Assert.Equal(lastDeadline, await customer.AsReference<IRetentionSubject>().GetRetentionDeadline());
    }

    [Fact]
    public async Task Bulk_orders_are_for_pro_accounts_only()
    {
        using var consumer = await fixture.Node.NewCustomer();

        var response = await SubmitRaw(consumer, Header + "\n" + $"{Guid.NewGuid()},Europe,1,Hauptstrasse,3,,10115,Berlin,DE");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_bulk_order_needs_the_controller_attestation()
    {
        // O2
        using var pro = await fixture.Node.NewProCustomer();
        var designId = await Designs.Approved(pro, fixture.Admin);

        var response = await SubmitRaw(pro, Header + "\n" + $"{designId},Europe,1,Hauptstrasse,3,,10115,Berlin,DE", attest: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadProblem()).Names("controllerAttestation"));
        Assert.Empty(await OrdersWorld.MyOrders(pro));
    }

    [Fact]
    public async Task The_bulk_form_asks_for_the_same_controller_attestation_as_the_order_form()
    {
        // O2: one wording, whichever way the Pro customer orders.
        using var pro = await fixture.Node.NewProCustomer();
        var designId = await Designs.Approved(pro, fixture.Admin);
        const string attestation = "For them I am the controller and MyStamp processes their data on my behalf (privacy policy §2).";

        var bulkPage = await pro.GetStringAsync("/Pro/BulkOrders");
        var orderPage = await pro.GetStringAsync($"/Orders/New?designId={designId}");

        Assert.Contains(attestation, bulkPage, StringComparison.Ordinal);
        Assert.Contains(attestation, orderPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_a_bulk_csv_is_refused_whole()
    {
        using var pro = await fixture.Node.NewProCustomer();

        var wrongColumns = await SubmitRaw(pro, "name,count\nx,1");
        var binary = await SubmitRaw(pro, "\u0000PK\u0003\u0004");

        Assert.Equal(HttpStatusCode.BadRequest, wrongColumns.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, binary.StatusCode);
    }

    [Fact]
    public async Task Someone_elses_bulk_order_is_not_found()
    {
        using var pro = await fixture.Node.NewProCustomer();
        using var otherPro = await fixture.Node.NewProCustomer();
        var designId = await Designs.Approved(pro, fixture.Admin);
        var bulkOrderId = await Submit(pro, Header + "\n" + $"{designId},Europe,1,Hauptstrasse,3,,10115,Berlin,DE");

        Assert.Equal(HttpStatusCode.NotFound, (await otherPro.GetAsync($"/api/pro/bulk-orders/{bulkOrderId}")).StatusCode);
    }

    private static async Task<Guid> Submit(TestClient pro, string csv)
    {
        var response = await SubmitRaw(pro, csv);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Read<BulkOrderAccepted>()).BulkOrderId;
    }

    private static Task<HttpResponseMessage> SubmitRaw(TestClient customer, string csv, bool attest = true)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "orders.csv");
        if (attest)
        {
            form.Add(new StringContent("true"), "controllerAttestation");
        }
        return customer.PostAsync("/api/pro/bulk-orders", form);
    }

    private static async Task<BulkOrderView> WaitUntilCompleted(TestClient pro, Guid bulkOrderId, TimeSpan patience)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var bulk = await pro.GetJson<BulkOrderView>($"/api/pro/bulk-orders/{bulkOrderId}");
            if (bulk.Status == BulkOrderStatus.Completed)
            {
                return bulk;
            }
            Assert.True(clock.Elapsed < patience, $"bulk order not completed after {patience}: {bulk.Processed} of {bulk.Total}");
            await Task.Delay(250);
        }
    }
}
