using Microsoft.Extensions.DependencyInjection;
using MyStamp.BuildingBlocks.Grains;
using MyStamp.Keys.Contracts;
using MyStamp.Keys.Envelopes;
using Orleans.Serialization;
using Orleans.Storage;

namespace MyStamp.Keys.Storage;

/// <summary>What a personal grain's row holds: its whole state, serialized by Orleans, in a sealed envelope.</summary>
[GenerateSerializer]
[Alias("mystamp.keys.sealed-state")]
public sealed class SealedState
{
    [Id(0)] public byte[] Envelope { get; set; } = [];
}

/// <summary>
/// The grain storage of every module: a state class marked <see cref="IPersonalState"/> is serialized by
/// Orleans, sealed under its data subject's key and stored as a <see cref="SealedState"/> by the PostgreSQL
/// storage underneath (ids, etags and the row's grain key stay in clear; nothing else). Other states pass
/// through unchanged. A state whose subject's key was destroyed reads as no state at all: the grain sees
/// an erased subject, whatever row a backup brought back.
/// </summary>
internal sealed class SealedGrainStorage(IGrainStorage inner, IPersonalDataProtector protector, Serializer serializer) : IGrainStorage
{
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (grainId.TryGetGuidKey(out var key, out _) && GrainStorage.IsNewGrain(key))
        {
            // The caller minted this id for the call that activates the grain: there is no row, so no round trip.
            grainState.ETag = null;
            grainState.RecordExists = false;
            grainState.State = Activator.CreateInstance<T>();
            return;
        }
        if (!IsPersonal<T>())
        {
            await inner.ReadStateAsync(stateName, grainId, grainState);
            return;
        }
        var stored = new GrainState<SealedState>(new SealedState());
        try
        {
            await inner.ReadStateAsync(stateName, grainId, stored);
        }
        catch (Exception exception) when (exception is not (TimeoutException or OperationCanceledException))
        {
            // A row written in plaintext before states were sealed (a database older than the Keys module): read it
            // as it is; the grain's next write seals it. Anything else fails again here and is thrown.
            await inner.ReadStateAsync(stateName, grainId, grainState);
            return;
        }
        if (!stored.RecordExists)
        {
            grainState.ETag = stored.ETag;
            grainState.RecordExists = false;
            grainState.State = Activator.CreateInstance<T>();
            return;
        }
        if (stored.State?.Envelope is not { } envelope || !SealedEnvelope.LooksSealed(envelope))
        {
            // A plaintext row that happened to read as a SealedState: read it as what it is.
            await inner.ReadStateAsync(stateName, grainId, grainState);
            return;
        }
        grainState.ETag = stored.ETag;
        grainState.RecordExists = true;
        if (await protector.Open(envelope, Purpose(stateName)) is { } plaintext)
        {
            grainState.State = serializer.Deserialize<T>(plaintext);
            return;
        }
        // The subject was erased: the row (a leftover, or one a restored backup brought back) opens to nothing.
        grainState.State = Activator.CreateInstance<T>();
        grainState.RecordExists = false;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (grainState.State is not IPersonalState personal)
        {
            await inner.WriteStateAsync(stateName, grainId, grainState);
            return;
        }
        var subject = personal.DataSubject ?? grainId.GetGuidKey();
        var envelope = await protector.Seal(subject, serializer.SerializeToArray(grainState.State), Purpose(stateName));
        var stored = new GrainState<SealedState>(new SealedState { Envelope = envelope }, grainState.ETag) { RecordExists = grainState.RecordExists };
        await inner.WriteStateAsync(stateName, grainId, stored);
        grainState.ETag = stored.ETag;
        grainState.RecordExists = stored.RecordExists;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (!IsPersonal<T>())
        {
            await inner.ClearStateAsync(stateName, grainId, grainState);
            return;
        }
        var stored = new GrainState<SealedState>(new SealedState(), grainState.ETag) { RecordExists = grainState.RecordExists };
        await inner.ClearStateAsync(stateName, grainId, stored);
        grainState.ETag = stored.ETag;
        grainState.RecordExists = stored.RecordExists;
        grainState.State = Activator.CreateInstance<T>();
    }

    private static bool IsPersonal<T>() => typeof(IPersonalState).IsAssignableFrom(typeof(T));

    /// <summary>Binds a sealed state to its state name: one grain type's row does not open as another's.</summary>
    internal static string Purpose(string stateName) => "state:" + stateName;
}

/// <summary>Opens the rows <see cref="SealedGrainStorage"/> wrote, read in bulk by their owner module (see <see cref="ISealedStates"/>).</summary>
internal sealed class SealedStates(IPersonalDataProtector protector, Serializer serializer) : ISealedStates
{
    public async Task<T?> Open<T>(string stateName, byte[] storedPayload) where T : class, IPersonalState
    {
        SealedState? stored;
        try
        {
            // What the ADO.NET storage underneath wrote: the Orleans serialization of the SealedState.
            stored = serializer.Deserialize<SealedState>(storedPayload);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return null;
        }
        if (stored?.Envelope is not { } envelope || !SealedEnvelope.LooksSealed(envelope))
        {
            return null;
        }
        return await protector.Open(envelope, SealedGrainStorage.Purpose(stateName)) is { } plaintext ? serializer.Deserialize<T>(plaintext) : null;
    }
}

public static class SealedGrainStorageHosting
{
    /// <summary>
    /// Registers the grain storage <paramref name="name"/> that seals personal states and keeps them in the
    /// storage <paramref name="innerName"/> (registered separately, e.g. the ADO.NET one).
    /// </summary>
    public static ISiloBuilder AddSealedGrainStorage(this ISiloBuilder silo, string name, string innerName)
    {
        silo.Services.AddKeyedSingleton<IGrainStorage>(name, (provider, _) => new SealedGrainStorage(
            provider.GetRequiredKeyedService<IGrainStorage>(innerName),
            provider.GetRequiredService<IPersonalDataProtector>(),
            provider.GetRequiredService<Serializer>()));
        return silo;
    }
}
