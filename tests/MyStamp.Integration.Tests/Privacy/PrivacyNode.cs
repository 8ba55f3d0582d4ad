using MyStamp.Integration.Tests.Infrastructure;

namespace MyStamp.Integration.Tests.Privacy;

/// <summary>One real node shared by the tests of a class (nodes take seconds to start).</summary>
public sealed class PrivacyNode : IAsyncLifetime
{
    public MyStampNode Node { get; } = new();

    public Task InitializeAsync()
    {
        Node.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Node.DisposeAsync();
}
