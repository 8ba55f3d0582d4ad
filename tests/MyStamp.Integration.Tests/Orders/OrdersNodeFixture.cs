using MyStamp.Integration.Tests.Infrastructure;

namespace MyStamp.Integration.Tests.Orders;

/// <summary>One node and a signed-in admin, shared by the tests of one class (a node takes seconds to start).</summary>
public sealed class OrdersNodeFixture : IAsyncLifetime
{
    public MyStampNode Node { get; } = new();
    public SignedIn Admin { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Node.Start();
        Admin = await OrdersWorld.Admin(Node);
    }

    public async Task DisposeAsync()
    {
        Admin?.Dispose();
        await Node.DisposeAsync();
    }
}
