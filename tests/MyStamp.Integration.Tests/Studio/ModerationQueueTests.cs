using System.Net;
using System.Net.Http.Json;
using MyStamp.Integration.Tests.Infrastructure;
using MyStamp.Studio.Contracts;
using MyStamp.Studio.Tests;

namespace MyStamp.Integration.Tests.Studio;

/// <summary>Admins find the designs waiting for them; a reviewed or erased design leaves the queue.</summary>
public class ModerationQueueTests(StudioNode studio) : IClassFixture<StudioNode>
{
    [Fact]
    public async Task A_new_design_waits_in_the_admins_queue_until_it_is_reviewed()
    {
        using var customer = await studio.Customer();
        var admin = studio.Admin;
        var designId = await Designs.Upload(customer, TestPhotos.CameraJpeg(1200, 900));

        Assert.Contains(designId, await Queue(admin, "PendingReview"));
        var page = await admin.GetStringAsync("/Studio/Review");
        Assert.Contains(designId.ToString(), page);

        (await admin.PostAsJsonAsync($"/api/admin/designs/{designId}/review", new { decision = "Approve" })).EnsureSuccessStatusCode();

        Assert.DoesNotContain(designId, await Queue(admin, "PendingReview"));
        Assert.Contains(designId, await Queue(admin, "Approved"));
    }

    [Fact]
    public async Task Customers_cannot_see_the_queue()
    {
        using var customer = await studio.Customer();

        Assert.Equal(HttpStatusCode.Forbidden, (await customer.GetAsync("/api/admin/designs")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await customer.GetAsync("/Studio/Review")).StatusCode);
    }

    [Fact]
    public async Task An_erased_design_leaves_the_queue()
    {
        // O7: no index entry survives erasure.
        using var customer = await studio.Customer();
        var designId = await Designs.Upload(customer, TestPhotos.CameraJpeg(1200, 900));

        await studio.Grains.GetGrain<IDesignGrain>(designId).Erase();

        Assert.Equal(0L, await TestDatabase.Scalar<long>("SELECT count(*) FROM studio_design_catalog WHERE design_id = @id", ("id", designId)));
    }

    private static async Task<List<Guid>> Queue(HttpClient admin, string status) =>
        (await admin.GetFromJsonAsync<List<DesignBody>>($"/api/admin/designs?status={status}&limit=200"))!.Select(design => design.DesignId).ToList();
}
