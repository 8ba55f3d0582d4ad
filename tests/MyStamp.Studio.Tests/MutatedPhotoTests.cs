using System.Diagnostics;
using Microsoft.Extensions.Options;
using MyStamp.BuildingBlocks.Errors;
using MyStamp.BuildingBlocks.Imaging;
using MyStamp.Studio.Contracts;
using MyStamp.Studio.Photos;

namespace MyStamp.Studio.Tests;

/// <summary>
/// A seeded mutation corpus, as an outside review ran with zzuf: a few hundred damaged variants of each accepted
/// format. Whatever a decoder makes of them, the customer gets a refusal of their file (a 4xx), quickly, and the
/// gate's memory is all given back. A change of decoder is checked against the same files.
/// </summary>
public sealed class MutatedPhotoTests : IDisposable
{
    private const int VariantsPerFormat = 300;
    private static readonly StampFormatSize Portrait = StampFormats.Of(StampFormat.SmallPortrait);
    private readonly ImagingGate _gate = new(Options.Create(new ImagingOptions()));
    private readonly PhotoIntake _intake;

    public MutatedPhotoTests() => _intake = new PhotoIntake(_gate, Options.Create(new StudioOptions()));

    public static TheoryData<string> Formats => new("JPEG", "PNG");

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Every_mutated_photo_is_cleaned_or_refused_as_the_customers_bad_file_within_five_seconds(string format)
    {
        var (source, contentType) = format == "JPEG"
            ? (TestPhotos.CameraJpeg(800, 600), "image/jpeg")
            : (TestPhotos.CameraPng(800, 600), "image/png");
        var outcomes = new Dictionary<string, int>();
        var failures = new List<string>();

        for (var seed = 0; seed < VariantsPerFormat; seed++)
        {
            // zzuf's default ratio damages nearly every header; a light one lets the damage reach the pixel decoders.
            var variant = TestPhotos.Mutated(source, seed, ratio: seed % 2 == 0 ? 0.004 : 0.00002);
            var timer = Stopwatch.StartNew();
            string outcome;
            try
            {
                await _intake.Clean(variant, contentType, null, Portrait);
                outcome = "cleaned";
            }
            catch (DomainException refusal) when (refusal.Kind is DomainErrorKind.Validation or DomainErrorKind.UnsupportedMediaType or DomainErrorKind.PayloadTooLarge)
            {
                outcome = refusal.Kind.ToString();
            }
            catch (Exception exception)
            {
                outcome = "crash";
                failures.Add($"seed {seed}: {exception.GetType().Name}: {exception.Message}");
            }
            if (timer.Elapsed > TimeSpan.FromSeconds(5))
            {
                failures.Add($"seed {seed}: took {timer.Elapsed.TotalSeconds:0.0} s");
            }
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        Assert.True(failures.Count == 0, $"{format}: {string.Join("; ", outcomes)}\n" + string.Join('\n', failures));
        // The corpus really damages files: most variants are refused, so the refusal paths are what is tested.
        Assert.True(outcomes.GetValueOrDefault("cleaned") < VariantsPerFormat, $"{format}: no variant was refused");
        Assert.Equal(0, _gate.HeldBytes);
    }

    public void Dispose() => _gate.Dispose();
}
