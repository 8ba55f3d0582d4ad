using System.Buffers;
using System.Runtime.CompilerServices;
using SixLabors.ImageSharp.Memory;

namespace MyStamp.BuildingBlocks.Imaging;

/// <summary>
/// ImageSharp 2.1's allocator limits one allocation but not their sum. This one counts every buffer the
/// node's image work holds and refuses the allocation that would take the sum past the budget, so that a
/// burst of large photos fails one job with a clear message instead of exhausting the node's memory.
/// </summary>
internal sealed class BudgetedMemoryAllocator(MemoryAllocator inner, long budgetBytes) : MemoryAllocator
{
    /// <summary>The size of the buffers a large image is split into: the pooled allocator's block size.</summary>
    private const int BufferCapacityBytes = 4 * 1024 * 1024;

    private long _heldBytes;

    /// <summary>Bytes held by live image buffers right now.</summary>
    public long HeldBytes => Interlocked.Read(ref _heldBytes);

    protected override int GetBufferCapacityInBytes() => BufferCapacityBytes;

    public override IMemoryOwner<T> Allocate<T>(int length, AllocationOptions options = AllocationOptions.None)
    {
        var bytes = (long)length * Unsafe.SizeOf<T>();
        if (Interlocked.Add(ref _heldBytes, bytes) > budgetBytes)
        {
            Interlocked.Add(ref _heldBytes, -bytes);
            throw new InvalidMemoryOperationException($"Image work would hold more than {budgetBytes / (1024 * 1024)} MB.");
        }
        try
        {
            return new CountedBuffer<T>(inner.Allocate<T>(length, options), this, bytes);
        }
        catch
        {
            Interlocked.Add(ref _heldBytes, -bytes);
            throw;
        }
    }

    public override void ReleaseRetainedResources() => inner.ReleaseRetainedResources();

    private void Return(long bytes) => Interlocked.Add(ref _heldBytes, -bytes);

    private sealed class CountedBuffer<T>(IMemoryOwner<T> buffer, BudgetedMemoryAllocator owner, long bytes) : IMemoryOwner<T>
    {
        private int _disposed;

        public Memory<T> Memory => buffer.Memory;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                buffer.Dispose();
                owner.Return(bytes);
            }
        }
    }
}
