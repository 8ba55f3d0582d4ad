using MyStamp.BuildingBlocks.Database;

namespace MyStamp.Integration.Tests.Platform;

/// <summary>
/// The read model's and the retention index's rows written by many requests at once share one statement: rows
/// that arrive while a write runs go together in the next one, and nobody is told "stored" before their row is.
/// </summary>
public class SharedRoundTripTests
{
    [Fact]
    public async Task A_row_alone_is_written_at_once()
    {
        var writes = new List<IReadOnlyList<int>>();
        var writer = new SharedRoundTrip<int>(rows => { lock (writes) { writes.Add(rows); } return Task.CompletedTask; });

        await writer.Write(7).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(new[] { 7 }, Assert.Single(writes));
    }

    [Fact]
    public async Task Rows_arriving_during_a_write_go_together_in_the_next_and_complete_only_when_it_is_done()
    {
        var firstWriteRuns = new TaskCompletionSource();
        var releaseFirstWrite = new TaskCompletionSource();
        var releaseSecondWrite = new TaskCompletionSource();
        var writes = new List<IReadOnlyList<int>>();
        var writer = new SharedRoundTrip<int>(async rows =>
        {
            int count;
            lock (writes)
            {
                writes.Add(rows);
                count = writes.Count;
            }
            if (count == 1)
            {
                firstWriteRuns.SetResult();
                await releaseFirstWrite.Task;
            }
            else
            {
                await releaseSecondWrite.Task;
            }
        });

        var first = writer.Write(1);
        await firstWriteRuns.Task.WaitAsync(TimeSpan.FromSeconds(5));
        var waiting = Enumerable.Range(2, 5).Select(writer.Write).ToList();
        await Task.Delay(50);
        Assert.False(first.IsCompleted);
        Assert.All(waiting, task => Assert.False(task.IsCompleted));

        releaseFirstWrite.SetResult();
        await first.WaitAsync(TimeSpan.FromSeconds(5));
        await Task.Delay(50);
        Assert.All(waiting, task => Assert.False(task.IsCompleted));

        releaseSecondWrite.SetResult();
        await Task.WhenAll(waiting).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(2, writes.Count);
        Assert.Equal(new[] { 2, 3, 4, 5, 6 }, writes[1]);
    }

    [Fact]
    public async Task A_failed_write_fails_its_callers_only_and_the_next_rows_are_still_written()
    {
        var writes = 0;
        var writer = new SharedRoundTrip<string>(rows =>
        {
            Interlocked.Increment(ref writes);
            return rows.Contains("bad") ? Task.FromException(new InvalidOperationException("the database refused")) : Task.CompletedTask;
        });

        var failed = await Assert.ThrowsAsync<InvalidOperationException>(() => writer.Write("bad").WaitAsync(TimeSpan.FromSeconds(5)));
        await writer.Write("good").WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal("the database refused", failed.Message);
        Assert.Equal(2, writes);
    }
}
