using MyStamp.Integration.Tests.Infrastructure;
using MyStamp.Studio.Contracts;
using MyStamp.Studio.Tests;

namespace MyStamp.Integration.Tests.Studio;

/// <summary>Data minimisation: a design nobody orders is deleted with its photos 30 days after upload; erasure leaves nothing.</summary>
public class RetentionTests(StudioNode studio) : IClassFixture<StudioNode>
{
    private const string Reminder = "delete-unused-design";

    [Fact]
    public async Task A_design_never_ordered_is_deleted_with_its_photos_30_days_after_upload()
    {
        using var customer = await studio.Customer();
        var designId = await Designs.Upload(customer, TestPhotos.CameraJpeg(1200, 900));
        (await customer.GetAsync($"/api/designs/{designId}/preview.png")).EnsureSuccessStatusCode();
        Assert.True(await ReminderExists(designId));

        studio.Clock.Advance(TimeSpan.FromDays(29));
        await FireReminder(designId);
        Assert.NotNull(await studio.Grains.GetGrain<IDesignGrain>(designId).GetSummary());

        studio.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        await FireReminder(designId);

        await AssertNothingLeft(designId);
    }

    [Fact]
    public async Task An_ordered_design_outlives_the_30_days()
    {
        using var customer = await studio.Customer();
        var admin = studio.Admin;
        var designId = await Designs.Upload(customer, TestPhotos.CameraJpeg(1200, 900));
        var design = studio.Grains.GetGrain<IDesignGrain>(designId);
        await design.Review(new ReviewDesign(Guid.NewGuid(), ReviewVerdict.Approve, null));
        await design.MarkOrdered();

        studio.Clock.Advance(TimeSpan.FromDays(45));
        await FireReminder(designId);

        Assert.NotNull(await design.GetSummary());
        // The photo stays with the order: since the order, only its cropped area (KeepOnlyTheCropTests).
        Assert.NotEmpty((await design.GetOriginal(new DesignViewer(customer.AccountId, IsAdmin: false))).Content);
        Assert.False(await ReminderExists(designId));
    }

    [Fact]
    public async Task Erasing_a_design_removes_its_state_photos_and_reminder_and_can_be_repeated()
    {
        // O7: erasure leaves no state row, no reminder row and no blob.
        using var customer = await studio.Customer();
        var designId = await Designs.Upload(customer, TestPhotos.CameraJpeg(1200, 900));
        (await customer.GetAsync($"/api/designs/{designId}/sheet.pdf")).EnsureSuccessStatusCode();
        Assert.True(await BlobCount(designId) >= 3);
        Assert.True(await StateRowExists(designId));

        await studio.Grains.GetGrain<IDesignGrain>(designId).Erase();
        await studio.Grains.GetGrain<IDesignGrain>(designId).Erase();

        await AssertNothingLeft(designId);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await customer.GetAsync($"/api/designs/{designId}/preview.png")).StatusCode);
    }

    private async Task FireReminder(Guid designId) =>
        // Reminders tick on wall-clock time; the test plays the tick after moving the grain's clock.
        await studio.Grains.GetGrain<IDesignGrain>(designId).AsReference<IRemindable>()
            .ReceiveReminder(Reminder, new TickStatus(DateTime.UtcNow, TimeSpan.FromDays(1), DateTime.UtcNow));

    private async Task AssertNothingLeft(Guid designId)
    {
        Assert.Null(await studio.Grains.GetGrain<IDesignGrain>(designId).GetSummary());
        Assert.Equal(0L, await BlobCount(designId));
        Assert.False(await ReminderExists(designId));
        Assert.False(await StateRowExists(designId));
    }

    private static async Task<long> BlobCount(Guid designId, string? kind = null) =>
        await TestDatabase.Scalar<long>("SELECT count(*) FROM studio_design_blobs WHERE design_id = @id AND (@kind = '' OR kind = @kind)", ("id", designId), ("kind", kind ?? ""));

    private static async Task<bool> ReminderExists(Guid designId) =>
        await TestDatabase.Scalar<long>("SELECT count(*) FROM orleansreminderstable WHERE grainid LIKE @grain AND remindername = @name",
            ("grain", $"%{designId:N}%"), ("name", Reminder)) > 0;

    /// <summary>The design's state row: the ADO.NET storage keys it by the Guid's two halves and the state name.</summary>
    private static async Task<bool> StateRowExists(Guid designId) =>
        await TestDatabase.Scalar<long>("SELECT count(*) FROM orleansstorage WHERE graintypestring LIKE '%studio-design%' AND grainidn0 = @n0 AND grainidn1 = @n1",
            ("n0", N0(designId)), ("n1", N1(designId))) > 0;

    private static long N0(Guid id) => BitConverter.ToInt64(id.ToByteArray(), 0);

    private static long N1(Guid id) => BitConverter.ToInt64(id.ToByteArray(), 8);
}
