using Microsoft.Extensions.Options;
using MyStamp.BuildingBlocks.Errors;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.PixelFormats;

namespace MyStamp.BuildingBlocks.Imaging;

/// <summary>
/// The one door to pixel work on a node. Images people send must not take a node down, so every decode and
/// render goes through here: only the JPEG, PNG and WebP decoders exist in its configuration (GIF, TIFF, BMP,
/// TGA and PBM, the usual home of decoder flaws, are not reachable at all), all image memory is counted
/// against a hard budget, a fixed number of jobs run at once (the rest wait), each job has a deadline, and
/// the work runs on the thread pool, never on an Orleans scheduler thread. Whatever a decoder throws on a
/// file is the sender's damaged file: a 400 naming their field, never a 500.
/// </summary>
public sealed class ImagingGate : IDisposable
{
    private readonly SemaphoreSlim _slots;
    private readonly TimeSpan _timeout;
    private readonly BudgetedMemoryAllocator _memory;

    public ImagingGate(IOptions<ImagingOptions> options)
    {
        var limits = options.Value;
        _slots = new SemaphoreSlim(limits.MaxConcurrentJobs, limits.MaxConcurrentJobs);
        _timeout = TimeSpan.FromSeconds(limits.JobTimeoutSeconds);
        _memory = new BudgetedMemoryAllocator(
            MemoryAllocator.Create(new MemoryAllocatorOptions
            {
                AllocationLimitMegabytes = limits.MemoryLimitMegabytes,
                // Buffers kept for reuse between jobs: enough for one large photo, so memory settles after a burst.
                MaximumPoolSizeMegabytes = Math.Min(256, limits.MemoryLimitMegabytes),
            }),
            limits.MemoryLimitMegabytes * 1024L * 1024L);
        Configuration = new Configuration(new JpegConfigurationModule(), new PngConfigurationModule(), new WebpConfigurationModule())
        {
            MemoryAllocator = _memory,
        };
    }

    /// <summary>JPEG, PNG and WebP only, with the budgeted allocator.</summary>
    public Configuration Configuration { get; }

    /// <summary>Bytes that image buffers of this node hold right now (for tests and diagnostics).</summary>
    public long HeldBytes => _memory.HeldBytes;

    /// <summary>The format the file's first bytes announce, or null when it is none of the three this gate decodes.</summary>
    public IImageFormat? DetectFormat(byte[] bytes)
    {
        try
        {
            return Image.DetectFormat(Configuration, bytes);
        }
        catch (Exception exception) when (IsDecoderFailure(exception))
        {
            return null;
        }
    }

    /// <summary>Reads the header only: dimensions and metadata, without decoding a single pixel.</summary>
    public IImageInfo Identify(byte[] bytes, ImageSubject subject)
    {
        try
        {
            return Image.Identify(Configuration, bytes, out _) ?? throw Unreadable(subject);
        }
        catch (Exception exception) when (IsDecoderFailure(exception))
        {
            throw Unreadable(subject);
        }
    }

    /// <summary>Decodes the whole image; to be called inside <see cref="Run{T}"/>.</summary>
    public async Task<Image<TPixel>> Decode<TPixel>(byte[] bytes, ImageSubject subject, CancellationToken cancellation)
        where TPixel : unmanaged, IPixel<TPixel>
    {
        try
        {
            return await Image.LoadAsync<TPixel>(Configuration, new MemoryStream(bytes, writable: false), cancellation);
        }
        catch (Exception exception) when (IsDecoderFailure(exception))
        {
            throw Unreadable(subject);
        }
    }

    /// <summary>Runs pixel work on the thread pool once a slot is free, giving up after the configured deadline.</summary>
    public async Task<T> Run<T>(ImageSubject subject, Func<CancellationToken, Task<T>> work)
    {
        var startedAt = System.Diagnostics.Stopwatch.GetTimestamp();
        using var deadline = new CancellationTokenSource(_timeout);
        try
        {
            await _slots.WaitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            ImagingMetrics.JobEnded(subject, "busy", startedAt);
            throw DomainException.Conflict("Images are being processed for many people right now; please try again in a moment.");
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
            throw DomainException.Invalid(subject.Field, $"The {subject.Noun} could not be processed in time. Try a smaller JPEG, PNG or WebP file.");
        }
        catch (InvalidMemoryOperationException)
        {
            outcome = "memory";
            throw DomainException.Invalid(subject.Field, $"The {subject.Noun} needs more memory than we allow for one image. Try a smaller one.");
        }
        finally
        {
            _slots.Release();
            ImagingMetrics.JobEnded(subject, outcome, startedAt);
        }
    }

    /// <summary>
    /// A decoder meeting a damaged file may throw anything (ImageSharp 2.1 has been seen to throw
    /// NullReferenceException and IndexOutOfRangeException on mutated JPEGs): every such failure is the file's.
    /// A deadline, the memory budget and our own refusals keep their meaning.
    /// </summary>
    private static bool IsDecoderFailure(Exception exception) =>
        exception is not (OperationCanceledException or InvalidMemoryOperationException or DomainException);

    private static DomainException Unreadable(ImageSubject subject) =>
        DomainException.Invalid(subject.Field, $"The {subject.Noun} is damaged or incomplete and cannot be read.");

    public void Dispose() => _slots.Dispose();
}
