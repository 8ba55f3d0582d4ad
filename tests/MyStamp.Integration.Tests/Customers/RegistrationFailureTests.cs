using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using MyStamp.Integration.Tests.Infrastructure;
using MyStamp.Retention.Contracts;
using Npgsql;

namespace MyStamp.Integration.Tests.Customers;

/// <summary>
/// A registration is recorded for erasure (O7) before the account exists: when PostgreSQL fails that step, no
/// account is left behind that nobody would ever erase, the visitor is told to try again, and the same
/// address registers once it is back.
/// </summary>
public sealed class RegistrationFailureTests : IAsyncLifetime
{
    private readonly RetentionIndexSwitch _index = new();
    private MyStampNode _node = null!;

    public Task InitializeAsync()
    {
        _node = new MyStampNode(configureServices: _index.Install).Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task A_registration_that_cannot_be_scheduled_for_erasure_leaves_no_account_and_can_be_repeated()
    {
        var email = Accounts.NewEmail("unscheduled");
        using var client = _node.CreateApiClient();

        _index.Failing = true;
        using var failed = await client.PostAsJsonAsync("/api/account/register", Accounts.ConsumerRegistration(email), Accounts.Json);
        _index.Failing = false;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.NotNull(failed.Headers.RetryAfter);
        await Assert.ThrowsAsync<InvalidOperationException>(() => _node.Login(email, Accounts.DefaultPassword));

        var account = await _node.Register(Accounts.ConsumerRegistration(email));
        Assert.Equal(1L, await TestDatabase.Scalar<long>(
            "SELECT count(*) FROM retention_deadlines WHERE subject_id = @id AND erased_at IS NULL", ("id", account.CustomerId)));
    }

    /// <summary>The application's retention index, whose Schedule fails as if PostgreSQL were away while <see cref="Failing"/> is set.</summary>
    private sealed class RetentionIndexSwitch
    {
        public volatile bool Failing;

        public void Install(IServiceCollection services)
        {
            var original = services.Last(descriptor => descriptor.ServiceType == typeof(IRetentionIndex));
            services.Remove(original);
            services.AddSingleton<IRetentionIndex>(provider =>
                new Switched((IRetentionIndex)ActivatorUtilities.CreateInstance(provider, original.ImplementationType!), this));
        }

        private sealed class Switched(IRetentionIndex inner, RetentionIndexSwitch owner) : IRetentionIndex
        {
            public Task Schedule(RetentionSubjectKind kind, Guid subjectId, DateTimeOffset deadline) =>
                owner.Failing ? throw new NpgsqlException("PostgreSQL is away (simulated).", new SocketException()) : inner.Schedule(kind, subjectId, deadline);

            public Task RecordNoticeGiven(Guid customerId, DateTimeOffset deadline, DateTimeOffset at) => inner.RecordNoticeGiven(customerId, deadline, at);

            public Task RecordErased(RetentionSubjectKind kind, Guid subjectId, DateTimeOffset at, ErasureSource source, bool onlyIfTracked = false) =>
                inner.RecordErased(kind, subjectId, at, source, onlyIfTracked);

            public Task RecordErasedMany(RetentionSubjectKind kind, IReadOnlyCollection<Guid> subjectIds, DateTimeOffset at, ErasureSource source) =>
                inner.RecordErasedMany(kind, subjectIds, at, source);

            public Task RecordErasureStarted(RetentionSubjectKind kind, Guid subjectId, DateTimeOffset at) => inner.RecordErasureStarted(kind, subjectId, at);
        }
    }
}
