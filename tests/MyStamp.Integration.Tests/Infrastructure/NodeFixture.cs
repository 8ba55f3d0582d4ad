using Microsoft.Extensions.Time.Testing;

namespace MyStamp.Integration.Tests.Infrastructure;

/// <summary>
/// One started node shared by the tests of a class (<c>IClassFixture&lt;NodeFixture&gt;</c>): a node takes
/// seconds to start, so a class starts one, not one per test. Tests make their own customers, so they do
/// not see each other's data.
/// </summary>
public class NodeFixture : IAsyncLifetime
{
    public NodeFixture() : this(new MyStampNode())
    {
    }

    protected NodeFixture(MyStampNode node) => Node = node;

    public MyStampNode Node { get; }

    public IGrainFactory Grains => Node.Grains;

    /// <summary>The node's admin, signed in once for the class through the real sign-in (the fixture disposes it).</summary>
    public TestClient Admin { get; private set; } = null!;

    /// <summary>A client signed in as a newly registered consumer.</summary>
    public Task<TestClient> Customer() => Node.NewCustomer();

    public async Task InitializeAsync()
    {
        Node.Start();
        Admin = await Node.LoginAsAdmin();
    }

    public async Task DisposeAsync()
    {
        Admin?.Dispose();
        await Node.DisposeAsync();
    }
}

/// <summary>
/// A <see cref="NodeFixture"/> whose whole node runs on a fake clock the tests move (grains, cookies, reminders,
/// jobs). Tests that move it sign in afresh, so an earlier test's move never expires a later test's cookie.
/// </summary>
public class ClockedNodeFixture : NodeFixture
{
    public ClockedNodeFixture() : this(DateTimeOffset.UtcNow)
    {
    }

    protected ClockedNodeFixture(DateTimeOffset start) : this(new FakeTimeProvider(start))
    {
    }

    private ClockedNodeFixture(FakeTimeProvider clock) : base(new MyStampNode(clock: clock)) => Clock = clock;

    public FakeTimeProvider Clock { get; }
}
