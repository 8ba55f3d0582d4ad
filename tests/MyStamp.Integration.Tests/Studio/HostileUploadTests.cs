using System.Diagnostics;
using System.Net;
using MyStamp.Studio.Tests;

namespace MyStamp.Integration.Tests.Studio;

/// <summary>
/// Timing and memory are measured here, so this class runs alone, after the classes that run in parallel.
/// </summary>
[CollectionDefinition(nameof(MeasuredAlone), DisableParallelization = true)]
public sealed class MeasuredAlone;

/// <summary>Files that are not acceptable photos are refused quickly, never crash the node and never fill its memory.</summary>
[Collection(nameof(MeasuredAlone))]
public class HostileUploadTests(StudioNode studio) : IClassFixture<StudioNode>
{
    public static TheoryData<string> BadFiles => new(Files.Keys);

    private static readonly Dictionary<string, (byte[] Bytes, string ContentType, string FileName, HttpStatusCode Expected)> Files = new()
    {
        ["truncated JPEG"] = (TestPhotos.TruncatedJpeg(), "image/jpeg", "cut.jpg", HttpStatusCode.BadRequest),
        ["PNG declaring 100000 x 100000 pixels"] = (TestPhotos.PngBombHeader(), "image/png", "bomb.png", HttpStatusCode.BadRequest),
        ["text file renamed .jpg"] = (TestPhotos.TextRenamedJpg(), "image/jpeg", "letter.jpg", HttpStatusCode.UnsupportedMediaType),
        ["SVG"] = (TestPhotos.Svg(), "image/svg+xml", "drawing.svg", HttpStatusCode.UnsupportedMediaType),
        ["0-byte file"] = ([], "image/jpeg", "empty.jpg", HttpStatusCode.UnsupportedMediaType),
        ["30 MB file"] = (ThirtyMegabytes(), "image/jpeg", "huge.jpg", HttpStatusCode.RequestEntityTooLarge),
        // No decoder for these is registered at all: refused from the header, never decoded.
        ["GIF"] = (TestPhotos.Foreign(new SixLabors.ImageSharp.Formats.Gif.GifEncoder(), 400, 300), "image/gif", "a.gif", HttpStatusCode.UnsupportedMediaType),
        ["TIFF"] = (TestPhotos.Foreign(new SixLabors.ImageSharp.Formats.Tiff.TiffEncoder(), 400, 300), "image/tiff", "a.tiff", HttpStatusCode.UnsupportedMediaType),
        ["BMP"] = (TestPhotos.Foreign(new SixLabors.ImageSharp.Formats.Bmp.BmpEncoder(), 400, 300), "image/bmp", "a.bmp", HttpStatusCode.UnsupportedMediaType),
        ["GIF named .jpg, sent as a JPEG"] = (TestPhotos.Foreign(new SixLabors.ImageSharp.Formats.Gif.GifEncoder(), 400, 300), "image/jpeg", "a.jpg", HttpStatusCode.UnsupportedMediaType),
    };

    [Fact]
    public async Task Mutated_JPEG_and_PNG_uploads_never_get_a_server_error()
    {
        // The HTTP half of the mutation corpus (MutatedPhotoTests has the full one): form reading, the grain
        // call and the error mapping too. 100 variants of each format, seeded like zzuf's.
        using var customer = await studio.Customer();
        var sources = new[] { (TestPhotos.CameraJpeg(800, 600), "image/jpeg", "m.jpg"), (TestPhotos.CameraPng(800, 600), "image/png", "m.png") };
        var failures = new List<string>();
        foreach (var (source, contentType, fileName) in sources)
        {
            for (var seed = 1000; seed < 1100; seed++)
            {
                var timer = Stopwatch.StartNew();
                var response = await customer.PostAsync("/api/designs", Designs.UploadForm(TestPhotos.Mutated(source, seed, ratio: seed % 2 == 0 ? 0.004 : 0.00002), contentType, fileName));
                if ((int)response.StatusCode >= 500 || timer.Elapsed > TimeSpan.FromSeconds(5))
                {
                    failures.Add($"{contentType} seed {seed}: {(int)response.StatusCode} in {timer.Elapsed.TotalMilliseconds:0} ms");
                }
                else if (!response.IsSuccessStatusCode)
                {
                    Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                }
            }
        }
        Assert.Empty(failures);
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_file_gets_a_problem_answer_within_a_second(string name)
    {
        var (bytes, contentType, fileName, expected) = Files[name];
        using var customer = await studio.Customer();
        await WarmUp(customer);

        var timer = Stopwatch.StartNew();
        var response = await customer.PostAsync("/api/designs", Designs.UploadForm(bytes, contentType, fileName));
        timer.Stop();

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(timer.Elapsed < TimeSpan.FromSeconds(1), $"{name} took {timer.Elapsed.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task Bad_files_sent_again_and_again_leave_the_nodes_memory_flat()
    {
        using var customer = await studio.Customer();
        var files = Files.Values.ToList(); // made before measuring: the test's own 30 MB are not the node's
        await SendAll(customer, files);    // first round: JIT, pools and caches settle
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);

        const int rounds = 3;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        for (var round = 0; round < rounds; round++)
        {
            await SendAll(customer, files);
        }
        var allocatedPerRound = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / rounds;
        var retained = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;

        // The in-memory test transport copies a request body once (30 MB here); a node that also buffered the
        // 30 MB, or decoded the bomb's 40 GB of pixels, would go far past this.
        Assert.True(allocatedPerRound < 48L * 1024 * 1024, $"one round of bad files allocated {allocatedPerRound / (1024 * 1024)} MB");
        Assert.True(retained < 16L * 1024 * 1024, $"the node kept {retained / (1024 * 1024)} MB after {rounds} rounds of bad files");
    }

    private static async Task SendAll(HttpClient customer, IEnumerable<(byte[] Bytes, string ContentType, string FileName, HttpStatusCode Expected)> files)
    {
        foreach (var file in files)
        {
            using var form = Designs.UploadForm(file.Bytes, file.ContentType, file.FileName);
            using var response = await customer.PostAsync("/api/designs", form);
            Assert.Equal(file.Expected, response.StatusCode);
        }
    }

    [Fact]
    public async Task A_PNG_sent_as_a_JPEG_is_refused_because_its_content_does_not_match_its_type()
    {
        using var customer = await studio.Customer();

        var response = await customer.PostAsync("/api/designs", Designs.UploadForm(TestPhotos.Png(800, 800, TestPhotos.Blue), "image/jpeg", "photo.jpg"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task A_request_that_is_not_a_form_is_refused()
    {
        using var customer = await studio.Customer();

        var response = await customer.PostAsync("/api/designs", new ByteArrayContent(TestPhotos.CameraJpeg(800, 600)));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task A_form_without_a_photo_says_which_field_is_missing()
    {
        using var customer = await studio.Customer();

        var response = await customer.PostAsync("/api/designs", new MultipartFormDataContent { { new StringContent("Square"), "format" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"photo\"", await response.Content.ReadAsStringAsync());
    }

    private static byte[] ThirtyMegabytes()
    {
        // A real JPEG start followed by 30 MB: only the size is wrong.
        var bytes = new byte[30 * 1024 * 1024];
        TestPhotos.CameraJpeg(800, 600).CopyTo(bytes, 0);
        return bytes;
    }

    private static async Task WarmUp(HttpClient customer) => (await customer.GetAsync("/api/designs")).EnsureSuccessStatusCode();
}
