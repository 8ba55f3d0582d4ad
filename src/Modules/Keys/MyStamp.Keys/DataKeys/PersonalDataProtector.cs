using MyStamp.Keys.Contracts;
using MyStamp.Keys.Envelopes;

namespace MyStamp.Keys.DataKeys;

/// <summary>Seals and opens personal data with the subject's key, held by the subject's <see cref="IDataKeyGrain"/>.</summary>
internal sealed class PersonalDataProtector(IGrainFactory grains) : IPersonalDataProtector
{
    public async Task<byte[]> Seal(Guid subject, ReadOnlyMemory<byte> plaintext, string purpose)
    {
        var key = await grains.GetGrain<IDataKeyGrain>(subject).GetOrCreate();
        return SealedEnvelope.Seal(subject, key, plaintext.Span, purpose);
    }

    public async Task<byte[]?> Open(ReadOnlyMemory<byte> envelope, string purpose)
    {
        var subject = SealedEnvelope.SubjectOf(envelope.Span);
        if (await grains.GetGrain<IDataKeyGrain>(subject).Find() is not { } key)
        {
            return null;
        }
        return SealedEnvelope.Open(key, envelope.Span, purpose);
    }

    public Task DestroyKey(Guid subject) => grains.GetGrain<IDataKeyGrain>(subject).Destroy();
}
