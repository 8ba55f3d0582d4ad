using Microsoft.Extensions.DependencyInjection;
using MyStamp.Keys.Contracts;
using MyStamp.Keys.Envelopes;

namespace MyStamp.Integration.Tests.Infrastructure;

/// <summary>
/// Personal data is stored sealed under its subject's key (Keys module): a test that reads a row directly gets
/// an envelope, and opens it with the node's own protector to look at what is inside.
/// </summary>
public static class SealedRows
{
    /// <summary>Opens a stored envelope; fails the test when the row is not sealed (personal data in plaintext at rest).</summary>
    public static async Task<byte[]> Open(MyStampNode node, byte[]? stored, string purpose)
    {
        Assert.NotNull(stored);
        Assert.True(SealedEnvelope.LooksSealed(stored), "the row is a sealed envelope, not plaintext");
        var opened = await node.Services.GetRequiredService<IPersonalDataProtector>().Open(stored, purpose);
        Assert.NotNull(opened);
        return opened;
    }

    public static Task<byte[]> OpenDesignBlob(MyStampNode node, byte[]? stored, Guid designId, string kind) =>
        Open(node, stored, $"studio-blob:{designId:N}:{kind}");

    public static Task<byte[]> OpenIdentityDocument(MyStampNode node, byte[]? stored, Guid requestId) =>
        Open(node, stored, $"privacy-identity-document:{requestId:N}");
}
