using System.Net;
using System.Net.Http.Json;
using MyStamp.Studio.Tests;

namespace MyStamp.Integration.Tests.Studio;

/// <summary>A design is seen by its owner and by admins only; to anyone else it does not exist.</summary>
public class AccessTests(StudioNode studio) : IClassFixture<StudioNode>
{
    [Theory]
    [InlineData("preview.png")]
    [InlineData("sheet.pdf")]
    [InlineData("photo.jpg")]
    [InlineData("")]
    public async Task Someone_elses_design_answers_404(string file)
    {
        using var owner = await studio.Customer();
        using var stranger = await studio.Customer();
        var designId = await Designs.Upload(owner, TestPhotos.CameraJpeg(1200, 900));
        var path = $"/api/designs/{designId}/{file}".TrimEnd('/');

        var response = await stranger.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task Someone_elses_design_cannot_be_recropped()
    {
        using var owner = await studio.Customer();
        using var stranger = await studio.Customer();
        var designId = await Designs.Upload(owner, TestPhotos.CameraJpeg(1200, 900));

        var response = await stranger.PutAsJsonAsync($"/api/designs/{designId}", new { format = "Square", crop = new { x = 0, y = 0, width = 900, height = 900 } });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task An_admin_sees_every_design()
    {
        using var owner = await studio.Customer();
        var admin = studio.Admin;
        var designId = await Designs.Upload(owner, TestPhotos.CameraJpeg(1200, 900));

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/designs/{designId}/preview.png")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/designs/{designId}/sheet.pdf")).StatusCode);
    }

    [Fact]
    public async Task A_design_that_does_not_exist_answers_404()
    {
        using var customer = await studio.Customer();

        Assert.Equal(HttpStatusCode.NotFound, (await customer.GetAsync($"/api/designs/{Guid.NewGuid()}/preview.png")).StatusCode);
    }

    [Fact]
    public async Task Only_admins_review_designs()
    {
        using var owner = await studio.Customer();
        var designId = await Designs.Upload(owner, TestPhotos.CameraJpeg(1200, 900));

        var response = await owner.PostAsJsonAsync($"/api/admin/designs/{designId}/review", new { decision = "Approve" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
