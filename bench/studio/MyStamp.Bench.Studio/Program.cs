// Times one 12-megapixel phone photo through the Studio pipeline (decode, orient, strip, crop, preview,
// print-resolution render) and the same work by ImageMagick's convert and by libvips on the same file, in the
// same run.
// Usage: MyStamp.Bench.Studio <work folder> <markdown report> [iterations]
using System.Diagnostics;
using System.Globalization;
using System.Text;
using MyStamp.Bench.Shared;
using Microsoft.Extensions.Options;
using MyStamp.BuildingBlocks.Imaging;
using MyStamp.Studio;
using MyStamp.Studio.Contracts;
using MyStamp.Studio.Formats;
using MyStamp.Studio.Photos;
using MyStamp.Studio.Preview;
using MyStamp.Studio.Sheets;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

var work = Directory.CreateDirectory(args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "mystamp-bench-studio")).FullName;
var report = args.Length > 1 ? args[1] : Path.Combine(work, "studio.md");
var iterations = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
const string Convert = "/usr/bin/convert";   // the Debian imagemagick package, not a stand-in on the PATH
const string Vips = "/usr/bin/vips";         // the Debian libvips-tools package
if (!File.Exists(Convert) || !File.Exists(Vips))
{
    Console.Error.WriteLine("ImageMagick or libvips is missing: apt-get install -y imagemagick libvips-tools");
    return 2;
}

var photoPath = Path.Combine(work, "photo-12mp.jpg");
var photo = MakePhoneJpeg(4000, 3000);
File.WriteAllBytes(photoPath, photo);
var format = StampFormats.Of(StampFormat.SmallPortrait);
// The crop is taken on the upright photo: orientation 6 turns 4000 × 3000 into 3000 × 4000.
var crop = CropGeometry.Centred(3000, 4000, format);
var previewSize = StampPreview.SizeOf(format);
var margin = (int)Math.Round(format.MarginMm * StampPreview.PixelsPerMm);

var options = Options.Create(new StudioOptions());
using var gate = new ImagingGate(Options.Create(new ImagingOptions()));
var intake = new PhotoIntake(gate, options);
var previews = new StampPreview(gate);
var sheets = new PrintSheet(gate);
var masters = new PrintMaster(gate);
var printSize = (format.PrintWidthPx, format.PrintHeightPx);
var pictureSize = StampPreview.PictureSizeOf(format);

// The same steps as the convert command below: one decode, orient, strip, store, crop, preview, print picture.
async Task<long> ImageSharpSameWork()
{
    using var image = await gate.Decode<Rgba32>(photo, PhotoIntake.Subject, CancellationToken.None);
    image.Mutate(pixels => pixels.AutoOrient());
    ImageMetadata.Strip(image);
    var stored = new MemoryStream();
    await image.SaveAsJpegAsync(stored, new JpegEncoder { Quality = 92, ColorType = JpegColorType.YCbCrRatio420 });
    using var stamp = StampPreview.Compose(image, crop, format);
    var preview = new MemoryStream();
    await stamp.SaveAsPngAsync(preview, new PngEncoder { IgnoreMetadata = true });
    using var print = PrintSheet.PrintPicture(image, crop, format);
    var printed = new MemoryStream();
    await print.SaveAsJpegAsync(printed, new JpegEncoder { Quality = 95, ColorType = JpegColorType.YCbCrRatio420 });
    return stored.Length + preview.Length + printed.Length;
}

// What the studio does for one design, as deployed (DesignGrain): upload (checks, decode, orient, strip,
// stored + screen copies), then the preview and the PDF sheet, each rendered from the screen copy when it has
// twice the output's pixels across the crop (else from the stored photo), then the submission that keeps only
// the crop (print master + its screen copy, from the screen copy when it has the master's pixels, as here).
StoredPicture SourceFor(CleanedPhoto cleaned, int width, int height, double oversample = StoredPicture.OversampleFactor) =>
    StoredPicture.ScreenCopySuffices(cleaned.Width, cleaned.Height, crop, width, height, oversample)
        ? new StoredPicture(cleaned.ScreenJpeg, new Crop(0, 0, cleaned.Width, cleaned.Height))
        : new StoredPicture(cleaned.Jpeg, new Crop(0, 0, cleaned.Width, cleaned.Height), cleaned.Orientation);

async Task<long> StudioAsDeployed()
{
    var cleaned = await intake.Clean(photo, "image/jpeg", "photo.jpg", format);
    var preview = await previews.Render(SourceFor(cleaned, pictureSize.Width, pictureSize.Height), crop, format);
    var pdf = await sheets.Render(SourceFor(cleaned, printSize.PrintWidthPx, printSize.PrintHeightPx), crop, format);
    var (masterWidth, masterHeight) = PrintMaster.SizeFor(crop);
    var kept = await masters.Cut(SourceFor(cleaned, masterWidth, masterHeight, oversample: 1), crop);
    return cleaned.Jpeg.Length + preview.Length + pdf.Length + kept.MasterJpeg.Length;
}

string[] convertArguments =
[
    photoPath, "-auto-orient", "-strip",
    "(", "+clone", "-quality", "92", "-write", Path.Combine(work, "im-stored.jpg"), "+delete", ")",
    "-crop", $"{crop.Width}x{crop.Height}+{crop.X}+{crop.Y}", "+repage",
    "(", "+clone", "-filter", "Lanczos", "-resize", $"{previewSize.Width - 2 * margin}x{previewSize.Height - 2 * margin}!",
         "-bordercolor", "white", "-border", $"{margin}", "-write", Path.Combine(work, "im-preview.png"), "+delete", ")",
    "-filter", "Lanczos", "-resize", $"{format.PrintWidthPx}x{format.PrintHeightPx}!", "-quality", "95", Path.Combine(work, "im-print.jpg"),
];

Task<long> ConvertSameWork()
{
    RunTool(Convert, convertArguments);
    return Task.FromResult(new FileInfo(Path.Combine(work, "im-print.jpg")).Length);
}

// libvips, the same steps: one decode with auto-rotation into vips' own uncompressed format, the stored JPEG
// without metadata, the crop, the preview with its white border and the print picture. Each step is a `vips`
// command, as an operator would script it.
var vipsUpright = Path.Combine(work, "vips-upright.v");
var vipsCrop = Path.Combine(work, "vips-crop.v");
var vipsPicture = Path.Combine(work, "vips-picture.v");
string[][] vipsSteps =
[
    ["autorot", photoPath, vipsUpright],
    ["jpegsave", vipsUpright, Path.Combine(work, "vips-stored.jpg"), "--Q", "92", "--strip"],
    ["extract_area", vipsUpright, vipsCrop, $"{crop.X}", $"{crop.Y}", $"{crop.Width}", $"{crop.Height}"],
    ["resize", vipsCrop, vipsPicture, Scale(pictureSize.Width, crop.Width), "--vscale", Scale(pictureSize.Height, crop.Height), "--kernel", "lanczos3"],
    ["embed", vipsPicture, Path.Combine(work, "vips-preview.png"), $"{margin}", $"{margin}", $"{previewSize.Width}", $"{previewSize.Height}", "--extend", "white"],
    ["resize", vipsCrop, Path.Combine(work, "vips-print.jpg[Q=95,strip]"), Scale(format.PrintWidthPx, crop.Width), "--vscale", Scale(format.PrintHeightPx, crop.Height), "--kernel", "lanczos3"],
];

Task<long> VipsSameWork()
{
    foreach (var step in vipsSteps)
    {
        RunTool(Vips, step);
    }
    return Task.FromResult(new FileInfo(Path.Combine(work, "vips-print.jpg")).Length);
}

static string Scale(int output, int input) => ((double)output / input).ToString("0.000000", CultureInfo.InvariantCulture);

static void RunTool(string file, IEnumerable<string> arguments)
{
    var start = new ProcessStartInfo(file) { RedirectStandardError = true, UseShellExecute = false };
    foreach (var argument in arguments)
    {
        start.ArgumentList.Add(argument);
    }
    using var process = Process.Start(start)!;
    var errors = process.StandardError.ReadToEnd();
    process.WaitForExit();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"{Path.GetFileName(file)} failed: {errors}");
    }
}

var same = new List<double>();
var deployed = new List<double>();
var convert = new List<double>();
var vips = new List<double>();
using (var progress = new Progress("studio: photo pipelines", 4 * (iterations + 1)))
{
    // One untimed round each: JIT, disk cache.
    await ImageSharpSameWork();
    await StudioAsDeployed();
    await ConvertSameWork();
    await VipsSameWork();
    progress.Advance(4);
    for (var i = 0; i < iterations; i++)
    {
        // Interleaved, so that a busy moment on the shared machine hits all four alike.
        same.Add(await Time(ImageSharpSameWork));
        progress.Advance();
        convert.Add(await Time(ConvertSameWork));
        progress.Advance();
        deployed.Add(await Time(StudioAsDeployed));
        progress.Advance();
        vips.Add(await Time(VipsSameWork));
        progress.Advance();
    }
}

// Keep the outputs to look at.
var sample = await intake.Clean(photo, "image/jpeg", "p.jpg", format);
await File.WriteAllBytesAsync(Path.Combine(work, "studio-preview.png"), await previews.Render(SourceFor(sample, pictureSize.Width, pictureSize.Height), crop, format));
await File.WriteAllBytesAsync(Path.Combine(work, "studio-sheet.pdf"), await sheets.Render(SourceFor(sample, printSize.PrintWidthPx, printSize.PrintHeightPx), crop, format));

var imageMagick = RunText(Convert, "-version").Split('\n')[0].Trim();
var libvips = RunText(Vips, "--version").Trim();
var md = new StringBuilder();
md.AppendLine("## Studio: one 12 MP photo, ImageSharp vs ImageMagick and libvips");
md.AppendLine();
md.AppendLine(CultureInfo.InvariantCulture, $"Photo: 4000 × 3000 JPEG ({photo.Length / 1024} KB) with EXIF (camera, GPS, orientation 6); format small portrait, centred crop {crop.Width} × {crop.Height}; {iterations} timed runs after one warm-up, interleaved.");
md.AppendLine();
md.AppendLine("| pipeline | median ms | min ms | ratio to convert (median) | ratio to libvips (median) |");
md.AppendLine("|---|---:|---:|---:|---:|");
Row("ImageMagick `convert` (one process: decode, auto-orient, strip, store JPEG q92, crop, preview PNG with border, 300 DPI print JPEG q95)", convert);
Row("libvips `vips` (six commands: auto-rotate, store JPEG q92 stripped, crop, preview PNG with border, print JPEG q95)", vips);
Row("ImageSharp 2.1, the same steps in process (one decode; preview with the perforated frame)", same);
Row("MyStamp studio as deployed (upload checks + stored and screen copies; preview and PDF sheet from the screen copy when it has twice their pixels across the crop; submission: print master + screen copy of the crop)", deployed);
md.AppendLine();
md.AppendLine(CultureInfo.InvariantCulture, $"Ratio = this pipeline's time / the other's (below 1: faster). Goals (issue 15): studio as deployed at most 0.5 of convert's time and within 2× of libvips'. {imageMagick}; libvips {libvips}; SixLabors.ImageSharp 2.1.13 (Apache-2.0), Release build; .NET {Environment.Version}; {Environment.ProcessorCount} cores. The command-line tools' times include starting their processes (a few ms each); ImageSharp runs warm in process.");
File.WriteAllText(report, md.ToString());
File.WriteAllText(Path.ChangeExtension(report, ".summary.tsv"), string.Create(CultureInfo.InvariantCulture,
    $"photo pipeline, one 12 MP photo (studio as deployed; median of {iterations})\t{Median(deployed):0} ms\tImageMagick convert {Median(convert):0} ms\t{Median(deployed) / Median(convert):0.00}\n" +
    $"photo pipeline, one 12 MP photo (studio as deployed; median of {iterations})\t{Median(deployed):0} ms\tlibvips {Median(vips):0} ms\t{Median(deployed) / Median(vips):0.00}\n"));
Console.Write(md.ToString());
return 0;

void Row(string name, List<double> times) =>
    md.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {Median(times):0} | {times.Min():0} | {Median(times) / Median(convert):0.00} | {Median(times) / Median(vips):0.00} |");

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

static async Task<double> Time(Func<Task<long>> work)
{
    var timer = Stopwatch.StartNew();
    var produced = await work();
    timer.Stop();
    return produced > 0 ? timer.Elapsed.TotalMilliseconds : throw new InvalidOperationException("nothing was produced");
}

static string RunText(string file, string arguments)
{
    using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, UseShellExecute = false })!;
    var text = process.StandardOutput.ReadToEnd();
    process.WaitForExit();
    return text;
}

static byte[] MakePhoneJpeg(int width, int height)
{
    // Smooth gradients with grain, like a photo: JPEG sizes and decode costs close to a real camera file.
    using var image = new Image<Rgb24>(width, height);
    var random = new Random(12);
    image.ProcessPixelRows(rows =>
    {
        for (var y = 0; y < rows.Height; y++)
        {
            var row = rows.GetRowSpan(y);
            for (var x = 0; x < row.Length; x++)
            {
                var grain = random.Next(-12, 13);
                row[x] = new Rgb24(
                    (byte)Math.Clamp(120 + 100 * Math.Sin(x / 300.0) + grain, 0, 255),
                    (byte)Math.Clamp(110 + 90 * Math.Cos(y / 240.0) + grain, 0, 255),
                    (byte)Math.Clamp(90 + 60 * Math.Sin((x + y) / 500.0) + grain, 0, 255));
            }
        }
    });
    var exif = new ExifProfile();
    exif.SetValue(ExifTag.Make, "PhoneMaker");
    exif.SetValue(ExifTag.Model, "Pocket Camera 12");
    exif.SetValue(ExifTag.Orientation, (ushort)6);
    exif.SetValue(ExifTag.GPSLatitudeRef, "N");
    exif.SetValue(ExifTag.GPSLatitude, [new Rational(50, 1), new Rational(50, 1), new Rational(3456, 100)]);
    exif.SetValue(ExifTag.GPSLongitudeRef, "E");
    exif.SetValue(ExifTag.GPSLongitude, [new Rational(4, 1), new Rational(21, 1), new Rational(1234, 100)]);
    image.Metadata.ExifProfile = exif;
    using var output = new MemoryStream();
    image.SaveAsJpeg(output, new JpegEncoder { Quality = 90 });
    return output.ToArray();
}
