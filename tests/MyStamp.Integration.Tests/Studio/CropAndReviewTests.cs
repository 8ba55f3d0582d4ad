using System.Net;
using System.Net.Http.Json;
using MyStamp.BuildingBlocks.Errors;
using MyStamp.Studio.Contracts;
using MyStamp.Studio.Tests;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace MyStamp.Integration.Tests.Studio;

/// <summary>The customer places the crop; an admin approves or rejects; only an approved design can be ordered.</summary>
public class CropAndReviewTests(StudioNode studio) : IClassFixture<StudioNode>
{
    [Fact]
    public async Task A_new_crop_changes_the_preview()
    {
        using var customer = await studio.Customer();
        // The camera photo's top-left quarter is red: a square crop there gives a red stamp.
        var designId = await Designs.Upload(customer, TestPhotos.CameraJpeg(1600, 1200));
        var before = await PreviewCentre(customer, designId);

        var response = await customer.PutAsJsonAsync($"/api/designs/{designId}", new { format = "Square", crop = new { x = 0, y = 0, width = 600, height = 600 } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var design = (await response.Content.ReadFromJsonAsync<DesignBody>())!;
        Assert.Equal(("Square", new CropBody(0, 0, 600, 600)), (design.Format, design.Crop));
        var after = await PreviewCentre(customer, designId);
        Assert.NotEqual(before, after);
        Assert.True(after.R > 180 && after.G < 80 && after.B < 80, $"expected the red corner, got {after}");
    }

    [Theory]
    [InlineData(0, 0, 800, 600, "proportions")]      // not square
    [InlineData(1200, 0, 600, 600, "inside the photo")]
    [InlineData(0, 0, 300, 300, "300 DPI")]
    public async Task A_crop_that_cannot_be_printed_is_refused_with_the_reason(int x, int y, int width, int height, string reason)
    {
        using var customer = await studio.Customer();
        var designId = await Designs.Upload(customer, TestPhotos.CameraJpeg(1600, 1200));

        var response = await customer.PutAsJsonAsync($"/api/designs/{designId}", new { format = "Square", crop = new { x, y, width, height } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_crop_request_without_a_format_names_the_missing_field()
    {
        using var customer = await studio.Customer();
        var designId = await Designs.Upload(customer, TestPhotos.CameraJpeg(1600, 1200));

        var response = await customer.PutAsJsonAsync($"/api/designs/{designId}", new { crop = new { x = 0, y = 0, width = 600, height = 600 } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"format\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_rejection_needs_a_reason_and_the_owner_sees_it()
    {
        using var owner = await studio.Customer();
        var admin = studio.Admin;
        var designId = await Designs.Upload(owner, TestPhotos.CameraJpeg(1200, 900));

        var withoutReason = await admin.PostAsJsonAsync($"/api/admin/designs/{designId}/review", new { decision = "Reject" });
        var withReason = await admin.PostAsJsonAsync($"/api/admin/designs/{designId}/review", new { decision = "Reject", reason = "Copyright" });

        Assert.Equal(HttpStatusCode.BadRequest, withoutReason.StatusCode);
        Assert.Contains("\"reason\"", await withoutReason.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, withReason.StatusCode);
        var seen = (await owner.GetFromJsonAsync<DesignBody>($"/api/designs/{designId}"))!;
        Assert.Equal(("Rejected", "Copyright"), (seen.Status, seen.RejectionReason));
        Assert.Equal(DesignStatus.Rejected, (await studio.Grains.GetGrain<IDesignGrain>(designId).GetSummary())!.Status);
    }

    [Fact]
    public async Task Only_an_approved_design_can_be_ordered()
    {
        using var owner = await studio.Customer();
        var admin = studio.Admin;
        var designId = await Designs.Upload(owner, TestPhotos.CameraJpeg(1200, 900));
        var design = studio.Grains.GetGrain<IDesignGrain>(designId);

        var pending = await Assert.ThrowsAsync<DomainException>(() => design.MarkOrdered());
        (await admin.PostAsJsonAsync($"/api/admin/designs/{designId}/review", new { decision = "Approve" })).EnsureSuccessStatusCode();
        await design.MarkOrdered();

        Assert.Equal(DomainErrorKind.Conflict, pending.Kind);
        Assert.Equal(DesignStatus.Approved, (await design.GetSummary())!.Status);
        var seen = (await owner.GetFromJsonAsync<DesignBody>($"/api/designs/{designId}"))!;
        Assert.True(seen.Ordered);
        Assert.Null(seen.DeletedUnlessOrderedBy);
    }

    [Fact]
    public async Task Changing_an_approved_design_sends_it_back_to_review_and_an_ordered_one_cannot_change()
    {
        using var owner = await studio.Customer();
        var admin = studio.Admin;
        var designId = await Designs.Upload(owner, TestPhotos.CameraJpeg(1600, 1200));
        (await admin.PostAsJsonAsync($"/api/admin/designs/{designId}/review", new { decision = "Approve" })).EnsureSuccessStatusCode();

        var recropped = await owner.PutAsJsonAsync($"/api/designs/{designId}", new { format = "Square", crop = new { x = 100, y = 100, width = 1000, height = 1000 } });
        Assert.Equal("PendingReview", (await recropped.Content.ReadFromJsonAsync<DesignBody>())!.Status);

        (await admin.PostAsJsonAsync($"/api/admin/designs/{designId}/review", new { decision = "Approve" })).EnsureSuccessStatusCode();
        await studio.Grains.GetGrain<IDesignGrain>(designId).MarkOrdered();
        var afterOrder = await owner.PutAsJsonAsync($"/api/designs/{designId}", new { format = "Square", crop = new { x = 0, y = 0, width = 1000, height = 1000 } });
        Assert.Equal(HttpStatusCode.Conflict, afterOrder.StatusCode);
    }

    private static async Task<Rgba32> PreviewCentre(HttpClient client, Guid designId)
    {
        using var preview = Image.Load<Rgba32>(await client.GetByteArrayAsync($"/api/designs/{designId}/preview.png"));
        return preview[preview.Width / 2, preview.Height / 2];
    }
}
