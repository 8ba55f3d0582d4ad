using System.Net;
using System.Net.Http.Json;
using MyStamp.Customers.Contracts;
using MyStamp.Integration.Tests.Infrastructure;
using MyStamp.Web.Account;

namespace MyStamp.Integration.Tests.Customers;

/// <summary>Two accounts can never end up with one e-mail address, however the requests interleave.</summary>
public class EmailUniquenessTests(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private MyStampNode Node => fixture.Node;

    [Fact]
    public async Task Of_two_registrations_of_one_address_at_the_same_moment_exactly_one_wins()
    {
        for (var round = 0; round < 5; round++)
        {
            var email = Accounts.NewEmail("race");
            using var first = Node.CreateApiClient();
            using var second = Node.CreateApiClient();
            var bodyA = Accounts.ConsumerRegistration(email);
            var bodyB = Accounts.ProRegistration(email.ToUpperInvariant());

            var answers = await Task.WhenAll(
                first.PostAsJsonAsync("/api/account/register", bodyA, Accounts.Json),
                second.PostAsJsonAsync("/api/account/register", bodyB, Accounts.Json));

            Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order().ToArray());
            var winner = answers.Single(a => a.StatusCode == HttpStatusCode.Created);
            var winnerId = (await winner.Read<RegisteredResponse>()).CustomerId;
            Assert.Equal(winnerId, await Node.Grains.GetGrain<IAccountsGrain>(0).FindCustomerByEmail(email));
            foreach (var answer in answers)
            {
                answer.Dispose();
            }
        }
    }

    [Fact]
    public async Task Of_two_grains_registering_one_address_concurrently_only_one_holds_a_profile()
    {
        var email = Accounts.NewEmail("race");
        var ids = Enumerable.Range(0, 4).Select(_ => Guid.CreateVersion7()).ToArray();

        var outcomes = await Task.WhenAll(ids.Select(async id =>
        {
            try
            {
                await Node.Grains.GetGrain<ICustomerGrain>(id).Register(Command(email));
                return true;
            }
            catch (MyStamp.BuildingBlocks.Errors.DomainException conflict) when (conflict.Kind == MyStamp.BuildingBlocks.Errors.DomainErrorKind.Conflict)
            {
                return false;
            }
        }));

        Assert.Single(outcomes, won => won);
        var profiles = await Task.WhenAll(ids.Select(id => Node.Grains.GetGrain<ICustomerGrain>(id).GetProfile()));
        Assert.Single(profiles, p => p is not null);
    }

    [Fact]
    public async Task An_address_being_given_up_and_taken_at_the_same_moment_ends_with_one_holder()
    {
        for (var round = 0; round < 3; round++)
        {
            var (mover, moverClient) = await Node.SignedInConsumer();
            using var _ = moverClient;
            var target = Accounts.NewEmail("target");
            var put = Accounts.ConsumerRegistration(target);
            put.Remove("password");
            using var registrant = Node.CreateApiClient();

            var answers = await Task.WhenAll(
                moverClient.PutAsJsonAsync("/api/account/me", put, Accounts.Json),
                registrant.PostAsJsonAsync("/api/account/register", Accounts.ConsumerRegistration(target), Accounts.Json));

            var succeeded = answers.Count(a => a.IsSuccessStatusCode);
            Assert.Equal(1, succeeded);
            Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Conflict);
            var holder = await Node.Grains.GetGrain<IAccountsGrain>(0).FindCustomerByEmail(target);
            Assert.NotNull(holder);
            var moverProfile = await Node.Grains.GetGrain<ICustomerGrain>(mover.CustomerId).GetProfile();
            Assert.Equal(holder == mover.CustomerId, moverProfile!.Email == target);
            foreach (var answer in answers)
            {
                answer.Dispose();
            }
        }
    }

    private static RegisterCustomer Command(string email) => new(
        new ProfileInput("Ann", "Peeters", email, "Female", null, null,
            new AddressInput("Wetstraat", "16", null, "1000", "Brussel", "BE"), AccountType.Consumer, null, 1),
        Accounts.DefaultPassword);
}
