using System.Net;
using System.Net.Http.Json;
using MyStamp.Integration.Tests.Infrastructure;
using MyStamp.Privacy.Contracts;

namespace MyStamp.Integration.Tests.Privacy;

/// <summary>The register and the policy versions, as anyone reads them (O3, O6, O11, O12, O13).</summary>
public class RegisterAndPolicyTests(NodeFixture privacy) : IClassFixture<NodeFixture>
{
    [Fact]
    public async Task The_register_names_the_processors_and_the_transfer_to_India_with_its_safeguard()
    {
        // O6
        using var client = privacy.Node.CreateApiClient();

        var register = await client.GetJson<ProcessingRegister>("/api/privacy/register");

        Assert.Contains(register.Recipients, p => p.Name == "Amazon Web Services" && p.Country == "Ireland");
        Assert.Contains(register.Recipients, p => p.Name == "Infosys" && p.Service == "Server management");
        Assert.Contains(register.Recipients, p => p.Id == "tcs" && p.AccessFrom == "India");
        var transfer = Assert.Single(register.Transfers, t => t.ProcessorId == "tcs");
        Assert.Equal("India", transfer.Country);
        Assert.True(transfer.OutsideEea);
        Assert.False(string.IsNullOrWhiteSpace(transfer.Safeguard));
        // O3: every purpose has a legal basis.
        Assert.All(register.Purposes, purpose => Assert.NotEmpty(purpose.LegalBases));
        Assert.Contains(register.Purposes, purpose => purpose.Id == "advertising" && purpose.LegalBases.Single() == LegalBasis.LegitimateInterest);
    }

    [Fact]
    public async Task The_current_policy_is_the_Dutch_text_revised_on_17_July_2023_and_the_versions_list_it()
    {
        // O11
        using var client = privacy.Node.CreateApiClient();

        var current = await client.GetJson<PolicyVersion>("/api/privacy/policy");
        var versions = await client.GetJson<List<PolicyVersion>>("/api/privacy/policy/versions");

        Assert.Equal(new DateOnly(2023, 7, 17), current.RevisedOn);
        Assert.True(current.Version >= 1);
        Assert.NotEqual(default, current.EffectiveFrom);
        var first = Assert.Single(versions, v => v.Version == 1);
        Assert.Equal("nl", first.Language);
        Assert.Contains("TCS (applicatiebeheer en -onderhoud), die toegang hebben tot gegevens vanuit India", first.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/privacy/policy/versions/999")).StatusCode);
    }

    [Fact]
    public async Task The_privacy_page_shows_the_revision_date_first_links_the_general_policy_and_renders_the_register()
    {
        // O11, O12, O3
        using var client = privacy.Node.CreateApiClient();

        var html = await client.GetStringAsync("/Privacy");

        var revised = html.IndexOf("Last revised on 17 July 2023", StringComparison.Ordinal);
        Assert.True(revised > 0, "The revision date is shown");
        Assert.True(revised < html.IndexOf("Specifiek Privacybeleid", StringComparison.Ordinal), "The revision date comes before the policy text");
        Assert.Contains("id=\"general-policy\"", html, StringComparison.Ordinal);
        Assert.Contains("this specific policy prevails", html, StringComparison.Ordinal);
        Assert.Contains("Tata Consultancy Services (TCS)", html, StringComparison.Ordinal);
        Assert.Contains("India has no EU adequacy decision", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/Privacy/Cookies\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_consent_the_site_sets_only_cookies_the_cookie_policy_declares_strictly_necessary()
    {
        // O13
        using var client = privacy.Node.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var register = await client.GetJson<ProcessingRegister>("/api/privacy/register");
        var necessary = register.Cookies.Where(c => c.StrictlyNecessary).Select(c => c.Name).ToHashSet();

        var set = new List<string>();
        foreach (var page in new[] { "/", "/Privacy", "/Privacy/Cookies", "/Privacy/Request", "/Privacy/Versions/1" })
        {
            var response = await client.GetAsync(page);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            set.AddRange(CookieNames(response));
            if (page == "/")
            {
                Assert.Contains("href=\"/Privacy/Cookies\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        Assert.NotEmpty(set);
        Assert.All(set, name => Assert.Contains(name, necessary));
        var policy = await client.GetStringAsync("/Privacy/Cookies");
        Assert.All(necessary, name => Assert.Contains(name, policy, StringComparison.Ordinal));
    }

    private static IEnumerable<string> CookieNames(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v[..v.IndexOf('=')]) : [];
}
