using Microsoft.Playwright;
using MyStamp.Integration.Tests.Infrastructure;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace MyStamp.Browser.Tests.Privacy;

/// <summary>The request form: a visitor blacks out parts of the identity document in the browser (O9).</summary>
[Collection(BrowserCollection.Name)]
public class RedactionFormTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_visitor_blacks_out_the_document_by_dragging_and_only_the_blacked_out_copy_is_stored()
    {
        // O9
        var page = await browser.NewPage();
        await page.GotoAsync("/Privacy/Request");
        await page.SelectOptionAsync("#type", "Access");
        await page.FillAsync("#firstName", "Lore");
        await page.FillAsync("#lastName", "Willems");
        await page.FillAsync("#email", $"lore.{Guid.NewGuid():N}@example.be");
        await page.SetInputFilesAsync("#idDocument", new FilePayload { Name = "card.png", MimeType = "image/png", Buffer = Card() });
        var canvas = page.Locator("#redaction-canvas");
        await canvas.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        // The mouse works in the viewport: below the fold, the drag would land on nothing.
        await canvas.ScrollIntoViewIfNeededAsync();
        var box = (await canvas.BoundingBoxAsync())!;

        // Drag over the left half of the card (the photo), shown at the canvas's own scale.
        await page.Mouse.MoveAsync(box.X + box.Width * 0.05f, box.Y + box.Height * 0.1f);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + box.Width * 0.45f, box.Y + box.Height * 0.9f, new() { Steps = 5 });
        await page.Mouse.UpAsync();
        Assert.Equal("1", await page.Locator("#redaction-count").InnerTextAsync());
        await page.ClickAsync("#request-form button[type=submit]");

        var notice = page.Locator("#request-result .notice");
        await notice.WaitForAsync();
        var requestId = Guid.Parse((await notice.GetAttributeAsync("data-request-id"))!);
        var stored = await SealedRows.OpenIdentityDocument(browser.Node, await TestDatabase.Scalar<byte[]>("SELECT content FROM privacy_identity_documents WHERE request_id = @id", ("id", requestId)), requestId);
        using var image = Image.Load<Rgb24>(stored);
        Assert.Equal(new Rgb24(0, 0, 0), image[image.Width / 4, image.Height / 2]);
        Assert.Equal(new Rgb24(230, 120, 40), image[image.Width * 3 / 4, image.Height / 2]);
    }

    [Fact]
    public async Task A_visitor_without_a_mouse_blacks_out_parts_of_the_document_with_the_keyboard()
    {
        // O9, for everyone: the redaction tool works without a pointer.
        var page = await browser.NewPage();
        await page.GotoAsync("/Privacy/Request");
        await page.SetInputFilesAsync("#idDocument", new FilePayload { Name = "card.png", MimeType = "image/png", Buffer = Card() });
        var canvas = page.Locator("#redaction-canvas");
        await canvas.WaitForAsync(new() { State = WaitForSelectorState.Visible });

        await page.FocusAsync("#idDocument");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("redaction-canvas", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("ArrowLeft");
        await page.Keyboard.PressAsync("Shift+ArrowDown");
        await page.Keyboard.PressAsync("Enter");

        Assert.Equal("2", await page.Locator("#redaction-count").InnerTextAsync());
    }

    private static byte[] Card()
    {
        using var image = new Image<Rgb24>(800, 500, new Rgb24(230, 120, 40));
        using var output = new MemoryStream();
        image.SaveAsPng(output);
        return output.ToArray();
    }
}
