using System.Text.Json;
using Microsoft.Playwright;
using MyStamp.Integration.Tests.Infrastructure;
using MyStamp.Studio.Tests;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace MyStamp.Browser.Tests.Studio;

/// <summary>The studio in a real browser: upload a photo, place the crop, see the stamp before saving it.</summary>
[Collection(BrowserCollection.Name)]
public class StudioEditorTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_customer_uploads_a_photo_crops_its_red_corner_and_sees_it_on_the_stamp_live_and_saved()
    {
        var account = await browser.Node.RegisterConsumer();
        var page = await browser.NewPage();
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#email", account.Email);
        await page.FillAsync("#password", account.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase));

        // The camera photo's top-left quarter is red, the rest a gradient.
        await page.GotoAsync("/Studio/Upload");
        await page.SetInputFilesAsync("#photo", new FilePayload { Name = "IMG_2041.jpg", MimeType = "image/jpeg", Buffer = TestPhotos.CameraJpeg(1600, 1200) });
        await page.SelectOptionAsync("#format", "Square");
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        await page.WaitForURLAsync("**/Studio/Design/*");
        var designId = Guid.Parse(page.Url.Split('/')[^1]);
        await page.WaitForFunctionAsync("() => document.getElementById('photo').complete && document.getElementById('photo').naturalWidth > 0");

        // The smallest printable square, dragged as far up and left as it goes: all red.
        await page.Locator("#zoom").FillAsync("0");
        var box = (await page.Locator("#crop-box").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + box.Width / 2, box.Y + box.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X - 1000, box.Y - 1000, new() { Steps = 10 });
        await page.Mouse.UpAsync();

        Assert.True(IsRed(await LivePreviewCentre(page)), "the live preview does not show the red corner");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save crop" }).ClickAsync();
        await Assertions.Expect(page.Locator("#save-status")).ToContainTextAsync("Saved");
        await page.WaitForFunctionAsync("() => { const i = document.getElementById('server-preview'); return i.src.includes('?v=') && i.complete && i.naturalWidth > 0; }");

        var saved = JsonDocument.Parse(await (await page.APIRequest.GetAsync($"/api/designs/{designId}")).TextAsync()).RootElement;
        Assert.Equal("Square", saved.GetProperty("format").GetString());
        Assert.Equal((0, 0), (saved.GetProperty("crop").GetProperty("x").GetInt32(), saved.GetProperty("crop").GetProperty("y").GetInt32()));
        Assert.True(saved.GetProperty("crop").GetProperty("width").GetInt32() < 800, "the crop was not made smaller");
        using var preview = Image.Load<Rgba32>(await (await page.APIRequest.GetAsync($"/api/designs/{designId}/preview.png")).BodyAsync());
        Assert.True(IsRed(preview[preview.Width / 2, preview.Height / 2]), "the saved preview does not show the red corner");
    }

    private static async Task<Rgba32> LivePreviewCentre(IPage page)
    {
        var rgba = await page.EvaluateAsync<int[]>("""
            () => {
                const canvas = document.getElementById('live-preview');
                return Array.from(canvas.getContext('2d').getImageData(canvas.width / 2, canvas.height / 2, 1, 1).data);
            }
            """);
        return new Rgba32((byte)rgba[0], (byte)rgba[1], (byte)rgba[2], (byte)rgba[3]);
    }

    private static bool IsRed(Rgba32 pixel) => pixel.R > 180 && pixel.G < 80 && pixel.B < 80;
}
