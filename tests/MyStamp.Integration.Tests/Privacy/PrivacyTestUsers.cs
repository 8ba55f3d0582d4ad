using System.Text.Json.Nodes;
using MyStamp.Integration.Tests.Infrastructure;

namespace MyStamp.Integration.Tests.Privacy;

/// <summary>
/// Privacy's customers, registered and signed in through the shared <see cref="Accounts"/> helpers. Each has a
/// name, phone and address of their own, so that one customer's export can be searched for another's data.
/// </summary>
internal static class PrivacyTestUsers
{
    /// <summary>Registers a customer through the API, signs them in, and returns their id, address and signed-in client.</summary>
    /// <param name="acceptLanguage">The language the customer registers in, stored with the account: signing in switches to it.</param>
    public static async Task<TestCustomer> RegisterCustomer(MyStampNode node, string firstName, string? phone = "+32 470 12 34 56", string? acceptLanguage = null)
    {
        var body = Accounts.ConsumerRegistration($"{firstName.ToLowerInvariant()}.{Guid.NewGuid():N}@example.be");
        body["firstName"] = firstName;
        body["lastName"] = "Van den Bossche-" + Guid.NewGuid().ToString("N")[..6];
        body["birthDate"] = "1988-04-12";
        body["phone"] = phone;
        body["address"] = new JsonObject
        {
            ["street"] = "Kerkstraat",
            ["houseNumber"] = "12",
            ["box"] = "3",
            ["postalCode"] = "9000",
            ["city"] = "Gent",
            ["country"] = "BE",
        };
        var account = await node.Register(body, acceptLanguage);
        return new TestCustomer(account.CustomerId, account.Email, await node.Login(account));
    }
}

internal sealed record TestCustomer(Guid Id, string Email, TestClient Client);
