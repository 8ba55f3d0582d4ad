using Microsoft.Extensions.Options;
using MyStamp.BuildingBlocks.Errors;
using MyStamp.Studio.Contracts;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.PixelFormats;

namespace MyStamp.Studio.Photos;

/// <summary>
/// The one door to pixel work. Hostile photos must not take a node down, so every decode and render goes
/// through here: only JPEG, PNG and WebP decoders exist in its configuration, all image memory comes from an
/// allocator with a hard cap, a fixed number of jobs run at once (the rest wait), each job has a deadline,
/// and the work runs on the thread pool, never on an Orleans scheduler thread.
/// </summary>
internal sealed class ImagingGate : IDisposable
{
    private readonly SemaphoreSlim _slots;
    private readonly TimeSpan _timeout;

    public ImagingGate(IOptions<StudioOptions> options)
    {
        var studio = options.Value;
        _slots = new SemaphoreSlim(studio.MaxConcurrentImageJobs, studio.MaxConcurrentImageJobs);
        _timeout = TimeSpan.FromSeconds(studio.ImageJobTimeoutSeconds);
        Configuration = new Configuration(new JpegConfigurationModule(), new PngConfigurationModule(), new WebpConfigurationModule())
        {
            MemoryAllocator = MemoryAllocator.Create(new MemoryAllocatorOptions
            {
                AccumulativeAllocationLimitMegabytes = studio.ImageMemoryLimitMegabytes,
                AllocationLimitMegabytes = studio.ImageMemoryLimitMegabytes,
                // Buffers kept for reuse between jobs: enough for one large photo, so memory settles after a burst.
                MaximumPoolSizeMegabytes = Math.Min(256, studio.ImageMemoryLimitMegabytes),
            }),
        };
        Decoding = new DecoderOptions
        {
            Configuration = Configuration,
            MaxFrames = 1,
            // Pixels are turned into sRGB and the ICC profile dropped, so no colour profile is ever stored.
            ColorProfileHandling = ColorProfileHandling.Convert,
            // A damaged or cut-off photo is refused rather than printed with grey bands.
            SegmentIntegrityHandling = SegmentIntegrityHandling.Strict,
        };
    }

    /// <summary>JPEG, PNG and WebP only, with the capped allocator.</summary>
    public Configuration Configuration { get; }

    /// <summary>Decoder options for photos: first frame only, colours converted to sRGB.</summary>
    public DecoderOptions Decoding { get; }

    /// <summary>Runs pixel work on the thread pool once a slot is free, giving up after the configured deadline.</summary>
    public async Task<T> Run<T>(Func<CancellationToken, Task<T>> work)
    {
        var startedAt = System.Diagnostics.Stopwatch.GetTimestamp();
        using var deadline = new CancellationTokenSource(_timeout);
        try
        {
            await _slots.WaitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            StudioMetrics.JobEnded("busy", startedAt);
            throw DomainException.Conflict("The studio is busy right now; please try again in a moment.");
        }
        var outcome = "failed";
        try
        {
            var result = await Task.Run(() => work(deadline.Token), deadline.Token);
            outcome = "done";
            return result;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            outcome = "timeout";
            throw DomainException.Invalid("photo", "The photo could not be processed in time. Try a smaller JPEG, PNG or WebP file.");
        }
        catch (InvalidMemoryOperationException)
        {
            outcome = "memory";
            throw DomainException.Invalid("photo", "The photo needs more memory than the studio allows. Try a smaller photo.");
        }
        finally
        {
            _slots.Release();
            StudioMetrics.JobEnded(outcome, startedAt);
        }
    }

    /// <summary>
    /// Decodes a stored photo only as large as rendering <paramref name="crop"/> at <paramref name="output"/>
    /// needs: with at least twice the output's pixels across the crop, so that the final Lanczos resampling
    /// still has detail to work from. A JPEG is then decoded at a fraction of its size (its DCT scaling), far
    /// faster than decoding every pixel of a 12 MP photo for a 360-pixel preview. Returns the photo and the
    /// crop in its pixels; a crop too small to spare anything decodes the photo whole.
    /// </summary>
    public async Task<(Image<Rgba32> Photo, Crop Crop)> LoadForCrop(byte[] storedPhoto, Crop crop, Size output, CancellationToken cancellation)
    {
        var scale = Math.Max(OversampleFactor * output.Width / crop.Width, OversampleFactor * output.Height / crop.Height);
        if (scale >= 0.5)
        {
            // DCT scaling halves at the least: nothing to gain.
            return (await Image.LoadAsync<Rgba32>(Decoding, new MemoryStream(storedPhoto, writable: false), cancellation), crop);
        }
        var info = Image.Identify(Decoding, storedPhoto);
        var reduced = new DecoderOptions
        {
            Configuration = Decoding.Configuration,
            MaxFrames = Decoding.MaxFrames,
            ColorProfileHandling = Decoding.ColorProfileHandling,
            SegmentIntegrityHandling = Decoding.SegmentIntegrityHandling,
            TargetSize = new Size((int)Math.Ceiling(info.Width * scale), (int)Math.Ceiling(info.Height * scale)),
        };
        var photo = await Image.LoadAsync<Rgba32>(reduced, new MemoryStream(storedPhoto, writable: false), cancellation);
        var (sx, sy) = ((double)photo.Width / info.Width, (double)photo.Height / info.Height);
        var left = (int)Math.Floor(crop.X * sx);
        var top = (int)Math.Floor(crop.Y * sy);
        var right = Math.Min(photo.Width, (int)Math.Ceiling((crop.X + crop.Width) * sx));
        var bottom = Math.Min(photo.Height, (int)Math.Ceiling((crop.Y + crop.Height) * sy));
        return (photo, new Crop(left, top, right - left, bottom - top));
    }

    /// <summary>How many times the output's pixels a reduced decode keeps across the crop.</summary>
    private const double OversampleFactor = 2;

    public void Dispose() => _slots.Dispose();
}
