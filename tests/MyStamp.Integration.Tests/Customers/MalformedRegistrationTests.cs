using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using MyStamp.Integration.Tests.Infrastructure;

namespace MyStamp.Integration.Tests.Customers;

/// <summary>
/// Bad input never reaches the database and never answers 500: every malformed registration is a 400
/// problem details naming the field to fix (O1: nothing beyond the listed categories is accepted either).
/// </summary>
public class MalformedRegistrationTests(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private static readonly string Huge = new('x', 100_000);

    /// <summary>Each case: the field the answer must name, and how to spoil a valid registration.</summary>
    private static readonly Dictionary<string, (string Field, Func<string> Body)> Cases = new()
    {
        ["first name missing"] = ("firstName", Spoil(b => b.Remove("firstName"))),
        ["last name empty"] = ("lastName", Spoil(b => b["lastName"] = "")),
        ["first name only spaces"] = ("firstName", Spoil(b => b["firstName"] = "   ")),
        ["first name with a control character"] = ("firstName", Spoil(b => b["firstName"] = "Ann\u0000")),
        ["first name of 100 000 characters"] = ("firstName", Spoil(b => b["firstName"] = Huge)),
        ["e-mail missing"] = ("email", Spoil(b => b.Remove("email"))),
        ["e-mail without @"] = ("email", Spoil(b => b["email"] = "ann.example.be")),
        ["e-mail without domain"] = ("email", Spoil(b => b["email"] = "ann@")),
        ["e-mail without top-level domain"] = ("email", Spoil(b => b["email"] = "ann@example")),
        ["e-mail with a space"] = ("email", Spoil(b => b["email"] = "ann peeters@example.be")),
        ["e-mail with two @"] = ("email", Spoil(b => b["email"] = "ann@peeters@example.be")),
        ["e-mail of 300 characters"] = ("email", Spoil(b => b["email"] = new string('a', 290) + "@example.be")),
        ["password missing"] = ("password", Spoil(b => b.Remove("password"))),
        ["password too short"] = ("password", Spoil(b => b["password"] = "short")),
        ["password of 100 000 characters"] = ("password", Spoil(b => b["password"] = Huge)),
        ["password1234"] = ("password", Spoil(b => b["password"] = "password1234")),
        ["password of the customer's own name"] = ("password", Spoil(b => b["password"] = "AnnPeeters1990")),
        ["password of the customer's own e-mail address"] = ("password", Spoil(b => b["password"] = (string)b["email"]!)),
        ["gender not offered"] = ("gender", Spoil(b => b["gender"] = "Robot")),
        ["birth date in the future"] = ("birthDate", Spoil(b => b["birthDate"] = DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd"))),
        ["birth date of a ten-year-old"] = ("birthDate", Spoil(b => b["birthDate"] = DateTime.UtcNow.AddYears(-10).ToString("yyyy-MM-dd"))),
        ["birth date of a person who turns 16 tomorrow"] = ("birthDate", Spoil(b => b["birthDate"] = DateTime.UtcNow.AddYears(-16).AddDays(1).ToString("yyyy-MM-dd"))),
        ["birth date in 1850"] = ("birthDate", Spoil(b => b["birthDate"] = "1850-01-01")),
        ["birth date in day/month/year"] = ("birthDate", Spoil(b => b["birthDate"] = "23/04/1990")),
        ["phone too short"] = ("phone", Spoil(b => b["phone"] = "12")),
        ["phone in words"] = ("phone", Spoil(b => b["phone"] = "call me maybe")),
        ["phone of 200 digits"] = ("phone", Spoil(b => b["phone"] = new string('4', 200))),
        ["address missing"] = ("address", Spoil(b => b.Remove("address"))),
        ["street missing"] = ("address.street", Spoil(b => b["address"]!.AsObject().Remove("street"))),
        ["street of 100 000 characters"] = ("address.street", Spoil(b => b["address"]!["street"] = Huge)),
        ["house number without digits"] = ("address.houseNumber", Spoil(b => b["address"]!["houseNumber"] = "abc")),
        ["city of 100 000 characters"] = ("address.city", Spoil(b => b["address"]!["city"] = Huge)),
        ["Belgian postal code of three digits"] = ("address.postalCode", Spoil(b => b["address"]!["postalCode"] = "100")),
        ["Dutch postal code without letters"] = ("address.postalCode", Spoil(b => Move(b, "NL", "1234"))),
        ["French postal code of four digits"] = ("address.postalCode", Spoil(b => Move(b, "FR", "7500"))),
        ["German postal code with a letter"] = ("address.postalCode", Spoil(b => Move(b, "DE", "1011A"))),
        ["Luxembourg postal code of five digits"] = ("address.postalCode", Spoil(b => Move(b, "LU", "12345"))),
        ["unknown country code"] = ("address.country", Spoil(b => b["address"]!["country"] = "XX")),
        ["country written out"] = ("address.country", Spoil(b => b["address"]!["country"] = "Belgium")),
        ["account type missing"] = ("accountType", Spoil(b => b.Remove("accountType"))),
        ["account type not offered"] = ("accountType", Spoil(b => b["accountType"] = "Business")),
        ["account type as an out-of-range number"] = ("accountType", Spoil(b => b["accountType"] = 7)),
        ["Pro account without VAT number"] = ("vatNumber", Spoil(b => b["accountType"] = "Pro")),
        ["Pro account with wrong check digits"] = ("vatNumber", Spoil(b => { b["accountType"] = "Pro"; b["vatNumber"] = "BE0123.456.789"; })),
        ["Pro account with a VAT number too short"] = ("vatNumber", Spoil(b => { b["accountType"] = "Pro"; b["vatNumber"] = "BE012345"; })),
        ["Pro account with a Belgian number starting with 2"] = ("vatNumber", Spoil(b => { b["accountType"] = "Pro"; b["vatNumber"] = "2123456749"; })),
        ["consumer with a VAT number"] = ("vatNumber", Spoil(b => b["vatNumber"] = Accounts.ValidVatNumber)),
        ["policy version missing"] = ("acceptedPolicyVersion", Spoil(b => b.Remove("acceptedPolicyVersion"))),
        ["policy version zero"] = ("acceptedPolicyVersion", Spoil(b => b["acceptedPolicyVersion"] = 0)),
        ["unknown field"] = ("nationalRegisterNumber", Spoil(b => b["nationalRegisterNumber"] = "85.07.30-033.61")),
        ["unknown field in the address"] = ("address.floor", Spoil(b => b["address"]!["floor"] = "2")),
        ["first name as a number"] = ("firstName", Spoil(b => b["firstName"] = 123)),
        ["address as a string"] = ("address", Spoil(b => b["address"] = "Wetstraat 16, 1000 Brussel")),
        ["policy version as a word"] = ("acceptedPolicyVersion", Spoil(b => b["acceptedPolicyVersion"] = "one")),
        ["birth date as a boolean"] = ("birthDate", Spoil(b => b["birthDate"] = true)),
        ["body is an array"] = ("body", () => "[1, 2, 3]"),
        ["body is cut off"] = ("body", () => "{\"firstName\": \"Ann\""),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Fact]
    public void There_are_at_least_thirty_cases() => Assert.True(Cases.Count >= 30);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task A_malformed_registration_is_refused_with_a_field_error(string name)
    {
        var (field, body) = Cases[name];
        using var client = fixture.Node.CreateApiClient();
        using var content = new StringContent(body(), Encoding.UTF8, "application/json");

        using var response = await client.PostAsync("/api/account/register", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>(Accounts.Json);
        var errors = problem!["errors"]?.AsObject();
        Assert.NotNull(errors);
        Assert.True(errors.ContainsKey(field), $"expected an error for '{field}', got: {errors.ToJsonString()}");
        // Problem details repeat no input: no personal data and no megabytes echoed back.
        Assert.True(problem.ToJsonString().Length < 2_000);
    }

    [Theory]
    [InlineData("password1234", "too easy to guess")]
    [InlineData("Peeters-Ann-2024", "your name or e-mail address")]
    public async Task A_password_easy_to_guess_is_refused_saying_why(string password, string said)
    {
        using var client = fixture.Node.CreateApiClient();

        using var response = await client.PostAsJsonAsync("/api/account/register", Accounts.ConsumerRegistration(password: password), Accounts.Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>(Accounts.Json);
        var message = Assert.Single(problem!["errors"]!["password"]!.AsArray())!.GetValue<string>();
        Assert.Contains(said, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_valid_body_the_cases_spoil_is_accepted()
    {
        // Guards the cases: each fails for its own reason, not because the base body is wrong.
        using var client = fixture.Node.CreateApiClient();
        using var content = new StringContent(Accounts.ConsumerRegistration().ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("/api/account/register", content);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static Func<string> Spoil(Action<JsonObject> change) => () =>
    {
        var body = Accounts.ConsumerRegistration();
        change(body);
        return body.ToJsonString();
    };

    private static void Move(JsonObject body, string country, string postalCode)
    {
        body["address"]!["country"] = country;
        body["address"]!["postalCode"] = postalCode;
        body["phone"] = "+32 470 12 34 56";
    }
}
