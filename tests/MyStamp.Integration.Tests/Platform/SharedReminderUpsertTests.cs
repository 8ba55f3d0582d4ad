using Microsoft.Extensions.DependencyInjection;
using MyStamp.Integration.Tests.Infrastructure;
using MyStamp.Integration.Tests.Retention;

namespace MyStamp.Integration.Tests.Platform;

/// <summary>
/// Reminders registered at the same moment (one per order placed) share one statement on their node, and each
/// registration still gets its own row and version: the reminder fires, moves and unregisters as before (O7).
/// </summary>
public sealed class SharedReminderUpsertTests : IAsyncLifetime
{
    private MyStampNode _node = null!;

    public async Task InitializeAsync() => _node = await MyStampNode.StartAlone("sharedreminders");

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task Registrations_made_at_once_each_get_their_own_row_with_start_period_and_version()
    {
        var table = _node.Services.GetRequiredService<IReminderTable>();
        var start = new DateTime(2029, 3, 2, 9, 0, 0, DateTimeKind.Utc);
        var entries = Enumerable.Range(0, 40).Select(n => new ReminderEntry
        {
            GrainId = GrainId.Create("mystamp.tests.reminder-probe", Guid.NewGuid().ToString("N")),
            ReminderName = "retention",
            StartAt = start.AddMinutes(n),
            Period = TimeSpan.FromDays(1) + TimeSpan.FromSeconds(n),
        }).ToList();

        var versions = await Task.WhenAll(entries.Select(table.UpsertRow));

        Assert.All(versions, version => Assert.Equal("0", version));
        foreach (var entry in entries)
        {
            var row = await table.ReadRow(entry.GrainId, entry.ReminderName);
            Assert.NotNull(row);
            Assert.Equal(entry.StartAt, row.StartAt.ToUniversalTime());
            Assert.Equal(entry.Period, row.Period);
            Assert.Equal("0", row.ETag);
        }
        // The ring's range read (how a node finds the reminders it owns) sees them under their grains' hashes.
        var whole = await table.ReadRows(0, 0);
        Assert.All(entries, entry => Assert.Contains(whole.Reminders, row => row.GrainId == entry.GrainId));
    }

    [Fact]
    public async Task A_moved_registration_gets_the_next_version_and_only_that_version_removes_it()
    {
        var table = _node.Services.GetRequiredService<IReminderTable>();
        var entry = new ReminderEntry
        {
            GrainId = GrainId.Create("mystamp.tests.reminder-probe", Guid.NewGuid().ToString("N")),
            ReminderName = "retention",
            StartAt = new DateTime(2029, 3, 2, 9, 0, 0, DateTimeKind.Utc),
            Period = TimeSpan.FromDays(1),
        };
        Assert.Equal("0", await table.UpsertRow(entry));

        entry.StartAt = entry.StartAt.AddDays(30);
        Assert.Equal("1", await table.UpsertRow(entry));

        Assert.Equal(entry.StartAt, (await table.ReadRow(entry.GrainId, entry.ReminderName))!.StartAt.ToUniversalTime());
        Assert.False(await table.RemoveRow(entry.GrainId, entry.ReminderName, "0"));
        Assert.True(await table.RemoveRow(entry.GrainId, entry.ReminderName, "1"));
        Assert.Null(await table.ReadRow(entry.GrainId, entry.ReminderName));
    }

    [Fact]
    public async Task Grains_registering_at_once_each_find_their_reminder()
    {
        var probes = Enumerable.Range(0, 30).Select(_ => _node.Grains.GetGrain<IReminderProbeGrain>(Guid.NewGuid())).ToList();

        await Task.WhenAll(probes.Select(probe => probe.Arm(TimeSpan.FromDays(1000))));

        var table = _node.Services.GetRequiredService<IReminderTable>();
        foreach (var probe in probes)
        {
            var rows = await table.ReadRows(probe.GetGrainId());
            Assert.Equal("probe", Assert.Single(rows.Reminders).ReminderName);
        }
    }
}
