using System.Net;
using MyStamp.Studio.Tests;

namespace MyStamp.Integration.Tests.Studio;

/// <summary>The studio's pages: my designs, upload, and the design page with its crop editor and the O2 explanation.</summary>
public class PageTests(StudioNode studio) : IClassFixture<StudioNode>
{
    [Fact]
    public async Task The_design_page_shows_the_editor_the_preview_and_explains_who_is_controller_for_the_people_in_the_photo()
    {
        using var customer = await studio.Customer();
        var designId = await Designs.Upload(customer, TestPhotos.CameraJpeg(1200, 900));

        var page = await customer.GetStringAsync($"/Studio/Design/{designId}");

        Assert.Contains("id=\"crop-box\"", page);
        Assert.Contains("id=\"live-preview\"", page);
        Assert.Contains($"/api/designs/{designId}/preview.png", page);
        Assert.Contains($"/api/designs/{designId}/sheet.pdf", page);
        // O2: the customer is controller for the people shown; the shop is processor; the order records the confirmation.
        Assert.Contains("controller", page);
        Assert.Contains("processor", page);
        Assert.Contains("Waiting for review", page);
    }

    [Fact]
    public async Task My_designs_lists_the_customers_own_designs_only()
    {
        using var customer = await studio.Customer();
        using var other = await studio.Customer();
        var mine = await Designs.Upload(customer, TestPhotos.CameraJpeg(1200, 900));
        var theirs = await Designs.Upload(other, TestPhotos.CameraJpeg(1200, 900));

        var page = await customer.GetStringAsync("/Studio");

        Assert.Contains($"/Studio/Design/{mine}", page);
        Assert.DoesNotContain(theirs.ToString(), page);
    }

    [Fact]
    public async Task The_upload_page_offers_every_format_with_its_least_pixel_size_and_a_progress_bar()
    {
        using var customer = await studio.Customer();

        var page = await customer.GetStringAsync("/Studio/Upload");

        Assert.Contains("<progress", page);
        Assert.Contains("284 × 355", page);
        Assert.Contains("473 × 355", page);
        Assert.Contains("355 × 355", page);
    }

    [Fact]
    public async Task Someone_elses_design_page_is_not_found()
    {
        using var owner = await studio.Customer();
        using var stranger = await studio.Customer();
        var designId = await Designs.Upload(owner, TestPhotos.CameraJpeg(1200, 900));

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/Studio/Design/{designId}")).StatusCode);
    }
}
