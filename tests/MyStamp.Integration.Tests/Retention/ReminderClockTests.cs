using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MyStamp.Integration.Tests.Infrastructure;
using Npgsql;
using Orleans.Reminders;

namespace MyStamp.Integration.Tests.Retention;

/// <summary>
/// The clock the retention tests stand on: one fake clock drives the whole node, the Orleans reminder
/// service included, so a real reminder registered in PostgreSQL three years ahead fires when the clock
/// passes it, and not a minute before (O7).
/// </summary>
public sealed class ReminderClockTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private MyStampNode _node = null!;

    public async Task InitializeAsync() => _node = await MyStampNode.StartAlone("reminderclock", clock: _clock);

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public void The_reminder_service_resolves_the_nodes_fake_clock_by_its_key()
    {
        Assert.Same(_clock, _node.Services.GetRequiredKeyedService<TimeProvider>(ReminderTimeProviderNames.Reminders));
        Assert.Same(_clock, _node.Services.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public async Task A_reminder_due_in_three_years_fires_when_the_fake_clock_passes_it_and_not_a_minute_before()
    {
        // O7: the retention reminders are due years ahead.
        var probeId = Guid.NewGuid();
        var probe = _node.Grains.GetGrain<IReminderProbeGrain>(probeId);
        var armedAt = _clock.GetUtcNow();
        var due = armedAt.AddYears(3) - armedAt;

        await probe.Arm(due);
        Assert.Equal(1L, await ReminderRows(probeId));

        _clock.Advance(due - TimeSpan.FromMinutes(1));
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Null(await probe.FiredAt());

        _clock.Advance(TimeSpan.FromMinutes(2));
        var firedAt = await Eventually(() => probe.FiredAt());

        Assert.True(firedAt >= armedAt + due, $"fired at {firedAt:O}, due {armedAt + due:O}");
        // Unregistered from within the tick: the row is gone from PostgreSQL.
        Assert.Equal(0L, await Eventually(async () => await ReminderRows(probeId) == 0 ? 0L : (long?)null));
    }

    private async Task<long> ReminderRows(Guid grainKey)
    {
        await using var dataSource = NpgsqlDataSource.Create(_node.ConnectionString);
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM orleansreminderstable WHERE grainid LIKE '%' || @key");
        command.Parameters.AddWithValue("key", grainKey.ToString("N"));
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<T> Eventually<T>(Func<Task<T?>> probe) where T : struct
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (await probe() is { } value)
            {
                return value;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("The reminder did not fire within 10 s of real time.");
    }
}
