using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using MyStamp.Bench.Shared;

namespace MyStamp.Bench.Orders;

/// <summary>A customer of the benchmark: a signed-in HTTP client (node B) and the orders it watches.</summary>
internal sealed class BenchCustomer(Guid customerId, HttpClient drive, CookieContainer cookies)
{
    public Guid CustomerId { get; } = customerId;
    public HttpClient Drive { get; } = drive;
    public CookieContainer Cookies { get; } = cookies;
    public Guid DesignId { get; set; }
    public List<Guid> OrderIds { get; } = [];
}

/// <summary>
/// Builds the scene through the public API only: registers customers, uploads and approves one design each,
/// places the orders. Not measured.
/// </summary>
internal sealed class BenchSetup(BenchSettings settings) : IAsyncDisposable
{
    private readonly List<HttpClient> _clients = [];

    public HttpClient Admin { get; private set; } = null!;

    /// <summary>The admin's cookies, which hold on either node (cookies do not depend on the port).</summary>
    public CookieContainer AdminCookies { get; } = new();

    /// <summary>Registers the customers, each with one approved design (not measured), under a progress bar.</summary>
    public async Task<List<BenchCustomer>> PrepareCustomers()
    {
        Admin = await SignIn(settings.DriveUrl, settings.AdminEmail, settings.AdminPassword, AdminCookies);
        var policyVersion = await CurrentPolicyVersion();
        // Just above the least pixels of a Square stamp at 300 DPI: the photo pipeline is bench/studio's subject.
        var photo = Png.Gradient(PhotoSide, PhotoSide);
        var customers = new List<BenchCustomer>();
        var run = Guid.NewGuid().ToString("N")[..8];
        using var progress = new Progress("orders: customers + designs", settings.Clients);
        await Parallel.ForEachAsync(Enumerable.Range(0, settings.Clients), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (index, _) =>
        {
            var customer = await Register($"bench-{run}-{index}@example.test", policyVersion);
            customer.DesignId = await ApprovedDesign(customer, photo);
            lock (customers)
            {
                customers.Add(customer);
            }
            progress.Advance();
        });
        return customers;
    }

    private const int PhotoSide = 400;

    /// <summary>Places one order for the customer's design through the API; returns the new order's id.</summary>
    public static async Task<Guid> PlaceOrder(BenchCustomer customer)
    {
        var placed = await customer.Drive.PostAsJsonAsync("/api/orders", new
        {
            designId = customer.DesignId,
            tariff = "BelgiumNonPrior",
            sheets = 1,
            controllerAttestation = true,
        });
        await Ensure(placed, "place an order");
        var body = await placed.Content.ReadFromJsonAsync<JsonObject>();
        return Guid.Parse((string)body!["orderId"]!);
    }

    private async Task<int> CurrentPolicyVersion()
    {
        var response = await Admin.GetAsync("/api/privacy/policy");
        if (!response.IsSuccessStatusCode)
        {
            return 1;
        }
        var policy = await response.Content.ReadFromJsonAsync<JsonObject>();
        return policy?["version"]?.GetValue<int>() ?? 1;
    }

    /// <summary>One Pro customer with one approved design, for the bulk file (not measured).</summary>
    public async Task<BenchCustomer> PrepareProCustomer()
    {
        var customer = await Register($"bench-pro-{Guid.NewGuid():N}@example.test", await CurrentPolicyVersion(), pro: true);
        customer.DesignId = await ApprovedDesign(customer, Png.Gradient(PhotoSide, PhotoSide));
        return customer;
    }

    private async Task<BenchCustomer> Register(string email, int policyVersion, bool pro = false)
    {
        // Strong by zxcvbn and free of the name and address: the registration rule refuses anything else.
        const string password = "tulip-harbour-quietly-47";
        var cookies = new CookieContainer();
        var anonymous = NewClient(settings.DriveUrl, cookies);
        var body = new JsonObject
        {
            ["firstName"] = "Bench",
            ["lastName"] = "Customer",
            ["email"] = email,
            ["password"] = password,
            ["gender"] = "PreferNotToSay",
            ["address"] = new JsonObject { ["street"] = "Rue Neuve", ["houseNumber"] = "1", ["postalCode"] = "1000", ["city"] = "Brussels", ["country"] = "BE" },
            ["accountType"] = pro ? "Pro" : "Consumer",
            ["acceptedPolicyVersion"] = policyVersion,
        };
        if (pro)
        {
            body["vatNumber"] = "BE0123.456.749";
        }
        var registered = await anonymous.PostAsJsonAsync("/api/account/register", body);
        await Ensure(registered, "register");
        var customerId = Guid.Parse((string)(await registered.Content.ReadFromJsonAsync<JsonObject>())!["customerId"]!);
        // Only a verified address may order: follow the mailed link, as the tests and customers do.
        var verified = await anonymous.PostAsJsonAsync("/api/account/verify-email", new { token = await VerificationToken(email) });
        await Ensure(verified, "verify the e-mail address");
        var client = await SignIn(settings.DriveUrl, email, password, cookies);
        return new BenchCustomer(customerId, client, cookies);
    }

    /// <summary>The token of the verification link mailed to <paramref name="email"/>, read from smtp4dev's API (<c>MYSTAMP_SMTP4DEV_URL</c>).</summary>
    private static async Task<string> VerificationToken(string email)
    {
        var inbox = Environment.GetEnvironmentVariable("MYSTAMP_SMTP4DEV_URL")
            ?? throw new InvalidOperationException("MYSTAMP_SMTP4DEV_URL is not set: run the benchmark through ./mystamp bench.");
        using var smtp4dev = new HttpClient { BaseAddress = new Uri(inbox) };
        for (var attempt = 0; attempt < 300; attempt++)
        {
            var list = await smtp4dev.GetFromJsonAsync<JsonObject>($"/api/messages?searchTerms={Uri.EscapeDataString(email)}&pageSize=5");
            foreach (var message in list?["results"]?.AsArray() ?? [])
            {
                var body = await smtp4dev.GetStringAsync($"/api/messages/{(string)message!["id"]!}/plaintext");
                var token = System.Text.RegularExpressions.Regex.Match(body, @"/Account/VerifyEmail\?token=([A-Za-z0-9_-]+)");
                if (token.Success)
                {
                    return token.Groups[1].Value;
                }
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"No verification mail arrived in smtp4dev ({inbox}).");
    }

    private async Task<Guid> ApprovedDesign(BenchCustomer customer, byte[] photo)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(photo);
        file.Headers.ContentType = new("image/png");
        form.Add(file, "photo", "bench.png");
        var uploaded = await customer.Drive.PostAsync("/api/designs", form);
        await Ensure(uploaded, "upload a design");
        var designId = Guid.Parse((string)(await uploaded.Content.ReadFromJsonAsync<JsonObject>())!["designId"]!);
        var cropped = await customer.Drive.PutAsJsonAsync($"/api/designs/{designId}", new
        {
            format = "Square",
            crop = new { x = 0, y = 0, width = PhotoSide, height = PhotoSide },
        });
        await Ensure(cropped, "crop the design");
        // "Submit this crop", as a customer does before ordering: the photo is reduced to its crop now, in the setup,
        // rather than by the first order inside the timed placement (a node's work the peer has no counterpart for).
        var submitted = await customer.Drive.PostAsync($"/api/designs/{designId}/submit", null);
        await Ensure(submitted, "submit the crop");
        var reviewed = await Admin.PostAsJsonAsync($"/api/admin/designs/{designId}/review", new { decision = "Approve" });
        await Ensure(reviewed, "approve the design");
        return designId;
    }

    private async Task<HttpClient> SignIn(string baseUrl, string email, string password, CookieContainer cookies)
    {
        var client = NewClient(baseUrl, cookies);
        var response = await client.PostAsJsonAsync("/api/account/login", new { email, password });
        await Ensure(response, "sign in");
        return client;
    }

    private HttpClient NewClient(string baseUrl, CookieContainer cookies)
    {
        var client = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, MaxConnectionsPerServer = 64 }) { BaseAddress = new Uri(baseUrl) };
        client.DefaultRequestHeaders.Add("X-Requested-With", "XMLHttpRequest");
        lock (_clients)
        {
            _clients.Add(client);
        }
        return client;
    }

    public static async Task Ensure(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync();
            throw new InvalidOperationException($"Could not {what}: {(int)response.StatusCode} {body}");
        }
    }

    public ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }
        return ValueTask.CompletedTask;
    }

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
