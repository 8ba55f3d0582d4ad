using System.Net;
using MyStamp.Integration.Tests.Infrastructure;

namespace MyStamp.Integration.Tests.Platform;

public class HealthTests
{
    [Fact]
    public async Task A_started_node_is_live_and_ready()
    {
        await using var node = new MyStampNode().Start();
        using var client = node.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }
}
