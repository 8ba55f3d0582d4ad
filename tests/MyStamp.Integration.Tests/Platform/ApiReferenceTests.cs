using System.Net;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using MyStamp.Integration.Tests.Infrastructure;

namespace MyStamp.Integration.Tests.Platform;

/// <summary>
/// <c>/openapi/v1.json</c> is the contract from now on. Every route of the HTTP contract (<c>docs/api.md</c>,
/// written out below route by route) must be in it, with the
/// method, the fields and the answers the contract names, and the sign-in it needs: a route renamed, dropped or
/// stripped of a field fails here before a Pro customer's script does.
/// </summary>
public sealed class ApiReferenceTests(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    /// <summary>What the contract says of one route: who may call it, the JSON (or form) fields it takes, and its answer.</summary>
    public sealed record ContractRoute(string Method, string Path, string Access, string RequestType, string[] RequestFields, string Status, string[] ResponseFields);

    private const string Anyone = "anyone", SignedIn = "signed in", Admin = "admin", Pro = "pro";
    private const string Json = "application/json", Form = "multipart/form-data", None = "";

    /// <summary>API.md, contract v1, route by route.</summary>
    private static readonly ContractRoute[] Contract =
    [
        // Account
        new("POST", "/api/account/register", Anyone, Json,
            ["firstName", "lastName", "email", "password", "gender", "birthDate", "phone", "address.street", "address.houseNumber", "address.box",
             "address.postalCode", "address.city", "address.country", "accountType", "vatNumber", "acceptedPolicyVersion"], "201", ["customerId"]),
        new("POST", "/api/account/login", Anyone, Json, ["email", "password"], "200", []),
        new("POST", "/api/account/logout", Anyone, None, [], "204", []),
        new("GET", "/api/account/me", SignedIn, None, [], "200", ["firstName", "lastName", "email", "address.street", "address.postalCode"]),
        new("PUT", "/api/account/me", SignedIn, Json,
            ["firstName", "lastName", "email", "gender", "birthDate", "phone", "address.street", "address.houseNumber", "address.postalCode", "address.city", "address.country", "accountType", "vatNumber"],
            "200", ["firstName", "email"]),
        // Designs
        new("POST", "/api/designs", SignedIn, Form, ["photo"], "201", ["designId", "widthPx", "heightPx", "warnings"]),
        new("PUT", "/api/designs/{id}", SignedIn, Json, ["format", "crop.x", "crop.y", "crop.width", "crop.height"], "200", []),
        new("GET", "/api/designs/{id}/preview.png", SignedIn, None, [], "200", []),
        new("GET", "/api/designs/{id}/sheet.pdf", SignedIn, None, [], "200", []),
        new("POST", "/api/admin/designs/{id}/review", Admin, Json, ["decision", "reason"], "200", []),
        // Orders
        new("POST", "/api/orders", SignedIn, Json, ["designId", "tariff", "sheets", "shippingAddress", "controllerAttestation"], "201", ["orderId", "status"]),
        new("GET", "/api/orders", SignedIn, None, [], "200", []),
        new("GET", "/api/orders/{id}", SignedIn, None, [], "200", ["orderId", "status", "history"]),
        new("POST", "/api/orders/{id}/cancel", SignedIn, None, [], "200", []),
        new("POST", "/api/admin/orders/{id}/status", Admin, Json, ["status"], "200", []),
        // Pro bulk orders
        new("POST", "/api/pro/bulk-orders", Pro, Form, ["file"], "202", ["bulkOrderId"]),
        new("GET", "/api/pro/bulk-orders/{id}", Pro, None, [], "200", ["status", "total", "processed", "failed", "errors"]),
        // Privacy
        new("GET", "/api/privacy/policy", Anyone, None, [], "200", ["version", "revisedOn", "effectiveFrom", "text"]),
        new("GET", "/api/privacy/policy/versions", Anyone, None, [], "200", []),
        new("GET", "/api/privacy/register", Anyone, None, [], "200", []),
        new("POST", "/api/privacy/objections", SignedIn, Json, ["channel"], "200", []),
        new("GET", "/api/privacy/export", SignedIn, None, [], "200", []),
        new("POST", "/api/privacy/requests", Anyone, Form, ["type", "firstName", "lastName", "email", "address", "details", "idDocument"], "201", ["requestId", "dueBy"]),
        new("GET", "/api/admin/privacy/requests", Admin, None, [], "200", []),
        new("POST", "/api/admin/privacy/requests", Admin, Json, ["type", "firstName", "lastName", "email", "address", "receivedOn", "language"], "201", ["requestId", "dueBy"]),
        new("POST", "/api/admin/privacy/requests/{id}/decision", Admin, Json, ["decision", "reason"], "200", []),
    ];

    public static TheoryData<string> ContractRoutes => [.. Contract.Select(route => $"{route.Method} {route.Path}")];

    [Fact]
    public async Task The_document_is_valid_OpenAPI_3_and_describes_only_the_api()
    {
        using var client = fixture.Node.CreateApiClient();
        using var response = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        await using var stream = await response.Content.ReadAsStreamAsync();
        var settings = new OpenApiReaderSettings();
        var read = await OpenApiDocument.LoadAsync(stream, "json", settings);

        Assert.NotNull(read.Document);
        Assert.Empty(read.Diagnostic?.Errors ?? []);
        Assert.StartsWith("3.", read.Diagnostic!.SpecificationVersion switch
        {
            OpenApiSpecVersion.OpenApi3_0 => "3.0",
            OpenApiSpecVersion.OpenApi3_1 => "3.1",
            var other => other.ToString(),
        }, StringComparison.Ordinal);
        Assert.Empty(read.Document.Validate(ValidationRuleSet.GetDefaultRuleSet()) ?? []);
        Assert.All(read.Document.Paths.Keys, path => Assert.StartsWith("/api/", path, StringComparison.Ordinal));
        Assert.DoesNotContain(read.Document.Paths.Keys, path => path.StartsWith("/api/docs", StringComparison.Ordinal));
        Assert.Contains("mystamp.auth", (await Document()).ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ContractRoutes))]
    public async Task Every_route_of_the_contract_is_in_the_document_as_the_contract_names_it(string methodAndPath)
    {
        var route = Contract.Single(r => $"{r.Method} {r.Path}" == methodAndPath);
        var document = await Document();

        var operation = document["paths"]?[route.Path]?[route.Method.ToLowerInvariant()]?.AsObject();
        Assert.True(operation is not null, $"{methodAndPath} is missing from /openapi/v1.json");

        // Who may call it.
        var security = operation["security"]?.AsArray() ?? [];
        var needsCookie = security.Any(requirement => requirement?.AsObject().ContainsKey("cookie") == true);
        Assert.Equal(route.Access != Anyone, needsCookie);
        if (route.Access is Admin or Pro)
        {
            Assert.True(operation["responses"]?["403"] is not null, $"{methodAndPath}: no 403 for callers without the {route.Access} role");
        }

        // What it takes.
        if (route.RequestType != None)
        {
            var body = operation["requestBody"]?["content"]?[route.RequestType]?["schema"];
            Assert.True(body is not null, $"{methodAndPath}: no {route.RequestType} request body");
            foreach (var field in route.RequestFields)
            {
                Assert.True(HasField(document, body, field), $"{methodAndPath}: the request lacks '{field}'");
            }
        }

        // What it answers, and that errors are problem details.
        var answer = operation["responses"]?[route.Status];
        Assert.True(answer is not null, $"{methodAndPath}: no {route.Status} answer");
        if (route.ResponseFields.Length > 0)
        {
            var schema = answer["content"]?[Json]?["schema"];
            Assert.True(schema is not null, $"{methodAndPath}: the {route.Status} answer has no JSON body");
            foreach (var field in route.ResponseFields)
            {
                Assert.True(HasField(document, schema, field), $"{methodAndPath}: the answer lacks '{field}'");
            }
        }
        var problems = operation["responses"]!.AsObject().Where(response => response.Key.StartsWith('4') || response.Key.StartsWith('5')).ToList();
        Assert.NotEmpty(problems);
        Assert.All(problems, problem => Assert.True(problem.Value?["content"]?["application/problem+json"] is not null, $"{methodAndPath}: {problem.Key} is not problem details"));
        if (route.Method is "POST" or "PUT")
        {
            Assert.True(operation["responses"]?["400"]?["content"]?["application/problem+json"] is not null, $"{methodAndPath}: no 400 problem details");
        }
    }

    [Fact]
    public async Task The_api_reference_page_is_served_under_the_sites_content_security_policy()
    {
        using var client = fixture.Node.CreateApiClient();
        using (var bare = await client.GetAsync("/api/docs"))
        {
            Assert.True(bare.StatusCode is HttpStatusCode.OK or HttpStatusCode.Found or HttpStatusCode.MovedPermanently, $"{bare.StatusCode}");
        }
        using var response = await client.GetAsync("/api/docs/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        var nonce = System.Text.RegularExpressions.Regex.Match(policy, "'nonce-([0-9A-F]+)'").Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.DoesNotMatch("script-src[^;]*unsafe-inline", policy);
        // Every script the page has runs under this response's nonce (an inline one without it would be blocked).
        var scripts = System.Text.RegularExpressions.Regex.Matches(html, "<script[^>]*>");
        Assert.NotEmpty(scripts);
        Assert.All(scripts, script => Assert.Contains($"nonce=\"{nonce}\"", script.Value, StringComparison.Ordinal));
        Assert.Contains("v1.json", html, StringComparison.Ordinal);
    }

    private async Task<JsonObject> Document()
    {
        using var client = fixture.Node.CreateApiClient();
        return JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!.AsObject();
    }

    /// <summary>Whether <paramref name="schema"/> has the (dotted) property, following $ref and combinations.</summary>
    private static bool HasField(JsonObject document, JsonNode? schema, string dottedField)
    {
        var parts = dottedField.Split('.', 2);
        foreach (var candidate in Expand(document, schema))
        {
            var property = candidate["properties"]?.AsObject().FirstOrDefault(p => string.Equals(p.Key, parts[0], StringComparison.Ordinal)).Value;
            if (property is null)
            {
                continue;
            }
            if (parts.Length == 1 || HasField(document, property, parts[1]))
            {
                return true;
            }
        }
        return false;
    }

    private static IEnumerable<JsonNode> Expand(JsonObject document, JsonNode? schema, int depth = 0)
    {
        if (schema is null || depth > 10)
        {
            yield break;
        }
        if (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            var name = reference["#/components/schemas/".Length..];
            foreach (var resolved in Expand(document, document["components"]?["schemas"]?[name], depth + 1))
            {
                yield return resolved;
            }
            yield break;
        }
        yield return schema;
        if (schema["items"] is { } items)
        {
            foreach (var item in Expand(document, items, depth + 1))
            {
                yield return item;
            }
        }
        foreach (var combination in new[] { "allOf", "oneOf", "anyOf" })
        {
            foreach (var branch in schema[combination]?.AsArray() ?? [])
            {
                foreach (var resolved in Expand(document, branch, depth + 1))
                {
                    yield return resolved;
                }
            }
        }
    }
}
