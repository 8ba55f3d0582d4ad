using Microsoft.Extensions.Options;
using MyStamp.BuildingBlocks.Errors;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Memory;

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
        using var deadline = new CancellationTokenSource(_timeout);
        try
        {
            await _slots.WaitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            throw DomainException.Conflict("The studio is busy right now; please try again in a moment.");
        }
        try
        {
            return await Task.Run(() => work(deadline.Token), deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw DomainException.Invalid("photo", "The photo could not be processed in time. Try a smaller JPEG, PNG or WebP file.");
        }
        catch (InvalidMemoryOperationException)
        {
            throw DomainException.Invalid("photo", "The photo needs more memory than the studio allows. Try a smaller photo.");
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose() => _slots.Dispose();
}
