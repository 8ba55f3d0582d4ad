using System.Net;
using System.Net.Http.Json;
using MyStamp.Integration.Tests.Infrastructure;
using MyStamp.Studio.Contracts;
using MyStamp.Studio.Tests;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace MyStamp.Integration.Tests.Studio;

/// <summary>
/// Data minimisation (O2, O7): the full photo is kept only while its owner crops. Once the design is submitted
/// or ordered, only the cropped area is kept, at twice the print pixels of the largest format at most, and
/// nothing of the people outside the crop can be recovered from what is stored.
/// </summary>
public class KeepOnlyTheCropTests(StudioNode studio) : IClassFixture<StudioNode>
{
    // The camera photo's top-left quarter is red; this crop is the bottom-right, with no red in it.
    private static readonly object BottomRight = new { format = "Square", crop = new { x = 800, y = 600, width = 600, height = 600 } };

    [Fact]
    public async Task A_submitted_design_keeps_only_its_crop_and_nothing_outside_it_can_be_recovered()
    {
        using var owner = await studio.Customer();
        var designId = await Designs.Upload(owner, TestPhotos.CameraJpeg(1600, 1200));
        (await owner.PutAsJsonAsync($"/api/designs/{designId}", BottomRight)).EnsureSuccessStatusCode();

        var submitted = await owner.PostAsync($"/api/designs/{designId}/submit", null);

        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var design = (await submitted.Content.ReadFromJsonAsync<KeptBody>())!;
        Assert.Equal(("CropOnly", 600, 600), (design.KeptPhoto, design.KeptWidthPx, design.KeptHeightPx));
        Assert.NotNull(design.SubmittedAt);
        Assert.Equal(["master-screen", "print-master"], await StoredKinds(designId));

        // Everything the design still shows or hands back (print master, screen copy, preview, sheet's source)
        // is the crop alone: no red from the top-left quarter.
        using var master = Image.Load<Rgba32>((await studio.Grains.GetGrain<IDesignGrain>(designId).GetOriginal(new DesignViewer(owner.AccountId, false))).Content);
        Assert.Equal((600, 600), (master.Width, master.Height));
        Assert.Equal(0, RedPixels(master));
        using var screen = Image.Load<Rgba32>(await owner.GetByteArrayAsync($"/api/designs/{designId}/photo.jpg"));
        Assert.True(screen.Width <= 600 && screen.Height <= 600, $"screen copy {screen.Width} × {screen.Height}");
        Assert.Equal(0, RedPixels(screen));
        using var preview = Image.Load<Rgba32>(await owner.GetByteArrayAsync($"/api/designs/{designId}/preview.png"));
        Assert.Equal(0, RedPixels(preview));
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/api/designs/{designId}/sheet.pdf")).StatusCode);
    }

    [Fact]
    public async Task A_submitted_design_cannot_be_cropped_elsewhere_but_submitting_again_changes_nothing()
    {
        using var owner = await studio.Customer();
        var designId = await Designs.Upload(owner, TestPhotos.CameraJpeg(1600, 1200));
        (await owner.PutAsJsonAsync($"/api/designs/{designId}", BottomRight)).EnsureSuccessStatusCode();
        (await owner.PostAsync($"/api/designs/{designId}/submit", null)).EnsureSuccessStatusCode();

        var elsewhere = await owner.PutAsJsonAsync($"/api/designs/{designId}", new { format = "Square", crop = new { x = 0, y = 0, width = 600, height = 600 } });
        var same = await owner.PutAsJsonAsync($"/api/designs/{designId}", BottomRight);
        var again = await owner.PostAsync($"/api/designs/{designId}/submit", null);

        Assert.Equal(HttpStatusCode.Conflict, elsewhere.StatusCode);
        Assert.Contains("Upload the photo again", await elsewhere.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(["master-screen", "print-master"], await StoredKinds(designId));
    }

    [Fact]
    public async Task The_access_report_and_the_export_say_how_much_of_the_photo_is_kept()
    {
        using var owner = await studio.Customer();
        var cropping = await Designs.Upload(owner, TestPhotos.CameraJpeg(1200, 900));
        var submitted = await Designs.Upload(owner, TestPhotos.CameraJpeg(1200, 900));
        (await owner.PostAsync($"/api/designs/{submitted}/submit", null)).EnsureSuccessStatusCode();

        var report = await owner.GetStringAsync("/api/privacy/access-report");
        var export = await owner.GetByteArrayAsync("/api/privacy/export");

        Assert.Contains("we keep the whole photo while you choose the crop", report);
        Assert.Contains("we keep only the cropped area of the photo", report);
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(export));
        using var data = new StreamReader(zip.GetEntry("data.json")!.Open());
        var json = await data.ReadToEndAsync();
        Assert.Contains("CropOnly", json);
        Assert.Contains("FullPhoto", json);
        Assert.Contains(cropping.ToString(), json);
    }

    [Fact]
    public async Task A_large_crop_is_kept_at_twice_the_print_pixels_of_the_largest_format()
    {
        using var owner = await studio.Customer();
        var designId = await Designs.Upload(owner, TestPhotos.CameraJpeg(4000, 3000));

        var design = (await (await owner.PostAsync($"/api/designs/{designId}/submit", null)).Content.ReadFromJsonAsync<KeptBody>())!;

        var limit = 2 * StampFormats.All.Max(format => Math.Max(format.PrintWidthPx, format.PrintHeightPx));
        Assert.Equal(limit, Math.Max(design.KeptWidthPx, design.KeptHeightPx));
        // The centred small-portrait crop of 4000 × 3000 is 2400 × 3000: its proportions stay.
        Assert.Equal(2400.0 / 3000, (double)design.KeptWidthPx / design.KeptHeightPx, precision: 2);
    }

    [Fact]
    public async Task An_ordered_design_its_owner_never_submitted_keeps_only_its_crop_soon_after()
    {
        using var owner = await studio.Customer();
        var designId = await Designs.Approved(owner, studio.Admin, TestPhotos.CameraJpeg(1600, 1200));
        var grain = studio.Grains.GetGrain<IDesignGrain>(designId);

        await grain.MarkOrdered();

        var deadline = DateTime.UtcNow.AddSeconds(20);
        DesignView view;
        while ((view = await grain.Get(new DesignViewer(owner.AccountId, false))).KeptPhoto != KeptPhoto.CropOnly && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
        Assert.Equal(KeptPhoto.CropOnly, view.KeptPhoto);
        Assert.DoesNotContain("original", await StoredKinds(designId));
    }

    private static async Task<List<string>> StoredKinds(Guid designId) =>
        (await TestDatabase.Scalar<string[]>("SELECT array_agg(kind ORDER BY kind) FROM studio_design_blobs WHERE design_id = @id AND kind NOT IN ('preview', 'sheet')", ("id", designId)))!.ToList();

    private static int RedPixels(Image<Rgba32> image)
    {
        var red = 0;
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                foreach (var pixel in rows.GetRowSpan(y))
                {
                    if (pixel.A > 0 && pixel.R > 160 && pixel.G < 90 && pixel.B < 90)
                    {
                        red++;
                    }
                }
            }
        });
        return red;
    }

    private sealed record KeptBody(Guid DesignId, string KeptPhoto, int KeptWidthPx, int KeptHeightPx, DateTimeOffset? SubmittedAt);
}
