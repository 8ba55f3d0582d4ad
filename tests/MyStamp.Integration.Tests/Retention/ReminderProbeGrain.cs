namespace MyStamp.Integration.Tests.Retention;

/// <summary>A test-only grain with one real Orleans reminder: proves that the fake clock drives the reminder service.</summary>
[Alias("mystamp.tests.reminder-probe")]
public interface IReminderProbeGrain : IGrainWithGuidKey
{
    /// <summary>Registers the reminder "probe", due after <paramref name="dueTime"/> on the reminder service's clock.</summary>
    Task Arm(TimeSpan dueTime);

    /// <summary>When the reminder fired, on the grain's clock; null while it has not.</summary>
    Task<DateTimeOffset?> FiredAt();
}

public sealed class ReminderProbeGrain(TimeProvider clock) : Grain, IReminderProbeGrain, IRemindable
{
    private DateTimeOffset? _firedAt;

    public async Task Arm(TimeSpan dueTime) =>
        await this.RegisterOrUpdateReminder("probe", dueTime, TimeSpan.FromDays(1));

    public Task<DateTimeOffset?> FiredAt() => Task.FromResult(_firedAt);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        _firedAt ??= clock.GetUtcNow();
        var reminder = await this.GetReminder(reminderName);
        if (reminder is not null)
        {
            await this.UnregisterReminder(reminder);
        }
    }
}
