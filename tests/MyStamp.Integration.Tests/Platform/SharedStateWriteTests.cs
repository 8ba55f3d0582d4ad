using Microsoft.Extensions.DependencyInjection;
using MyStamp.BuildingBlocks.Grains;
using MyStamp.Integration.Tests.Infrastructure;
using Orleans.Storage;

namespace MyStamp.Integration.Tests.Platform;

/// <summary>A state of no one, written straight through the node's grain storage.</summary>
[GenerateSerializer]
[Alias("mystamp.tests.state-probe")]
public sealed class StateProbe
{
    [Id(0)] public string Text { get; set; } = "";
}

/// <summary>
/// Grain states written at the same moment on a node share one statement, and each grain still gets exactly what it
/// would alone: its row under the provider's keys (read back by the provider), its next version, or a conflict when
/// another activation wrote first.
/// </summary>
public sealed class SharedStateWriteTests : IAsyncLifetime
{
    private MyStampNode _node = null!;

    public async Task InitializeAsync() => _node = await MyStampNode.StartAlone("sharedstates");

    public async Task DisposeAsync() => await _node.DisposeAsync();

    private static readonly GrainType ProbeType = GrainType.Create("mystamp.tests.state-probe");

    private static GrainId NewGrain() => GrainId.Create(ProbeType, GrainIdKeyExtensions.CreateGuidKey(Guid.NewGuid()));

    private IGrainStorage Storage => _node.Services.GetRequiredKeyedService<IGrainStorage>(GrainStorage.Name);

    [Fact]
    public async Task States_written_at_once_are_each_read_back_with_their_own_version()
    {
        var grains = Enumerable.Range(0, 40).Select(n => n switch
        {
            // The three kinds of key the provider stores differently: Guid, integer and string keys.
            _ when n % 3 == 0 => GrainId.Create(ProbeType, GrainIdKeyExtensions.CreateGuidKey(Guid.NewGuid())),
            _ when n % 3 == 1 => GrainId.Create(ProbeType, GrainIdKeyExtensions.CreateIntegerKey(Random.Shared.NextInt64(1, long.MaxValue))),
            _ => GrainId.Create(ProbeType, IdSpan.Create($"probe-{Guid.NewGuid():N}")),
        }).ToList();
        var states = grains.Select((grain, n) => new GrainState<StateProbe>(new StateProbe { Text = $"state {n}" })).ToList();

        await Task.WhenAll(grains.Select((grain, n) => Storage.WriteStateAsync("probe", grain, states[n])));

        Assert.All(states, state => Assert.Equal("1", state.ETag));
        for (var n = 0; n < grains.Count; n++)
        {
            var read = new GrainState<StateProbe>(new StateProbe());
            await Storage.ReadStateAsync("probe", grains[n], read);
            Assert.True(read.RecordExists, $"grain {grains[n]} has no row");
            Assert.Equal($"state {n}", read.State?.Text);
            Assert.Equal("1", read.ETag);
        }
    }

    [Fact]
    public async Task A_write_from_a_stale_version_or_a_second_create_is_refused_and_changes_nothing()
    {
        var grain = NewGrain();
        var firstProbe = new StateProbe { Text = "first" };
        var first = new GrainState<StateProbe>(firstProbe);
        await Storage.WriteStateAsync("probe", grain, first);

        var secondActivation = new GrainState<StateProbe>(new StateProbe { Text = "second activation" });
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync("probe", grain, secondActivation));

        firstProbe.Text = "first, again";
        await Storage.WriteStateAsync("probe", grain, first);
        Assert.Equal("2", first.ETag);
        var stale = new GrainState<StateProbe>(new StateProbe { Text = "stale" }, "1") { RecordExists = true };
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync("probe", grain, stale));

        var read = new GrainState<StateProbe>(new StateProbe());
        await Storage.ReadStateAsync("probe", grain, read);
        Assert.Equal("first, again", read.State?.Text);
        Assert.Equal("2", read.ETag);
    }

    [Fact]
    public async Task A_refused_write_among_others_fails_only_its_own_caller()
    {
        var taken = NewGrain();
        await Storage.WriteStateAsync("probe", taken, new GrainState<StateProbe>(new StateProbe { Text = "taken" }));
        var others = Enumerable.Range(0, 20).Select(_ => NewGrain()).ToList();

        var refused = Storage.WriteStateAsync("probe", taken, new GrainState<StateProbe>(new StateProbe { Text = "late create" }));
        var written = others.Select(grain => Storage.WriteStateAsync("probe", grain, new GrainState<StateProbe>(new StateProbe { Text = "other" }))).ToList();

        await Assert.ThrowsAsync<InconsistentStateException>(() => refused);
        await Task.WhenAll(written);
    }
}
