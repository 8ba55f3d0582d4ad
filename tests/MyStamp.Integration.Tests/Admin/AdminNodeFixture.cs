using MyStamp.Integration.Tests.Infrastructure;

namespace MyStamp.Integration.Tests.Admin;

/// <summary>One started node shared by the tests of a class (nodes take seconds to start).</summary>
public sealed class AdminNodeFixture : IAsyncLifetime
{
    public MyStampNode Node { get; } = new();

    public Task InitializeAsync()
    {
        Node.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Node.DisposeAsync();
}
