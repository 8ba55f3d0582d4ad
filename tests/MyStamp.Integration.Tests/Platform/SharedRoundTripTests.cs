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
        var writer = new SharedRoundTrip<int, int>(row => row, rows => { lock (writes) { writes.Add(rows); } return Task.CompletedTask; });

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
        var writer = new SharedRoundTrip<int, int>(row => row, async rows =>
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
    public async Task Two_rows_of_one_key_waiting_together_are_written_once_as_the_later_one()
    {
        var firstWriteRuns = new TaskCompletionSource();
        var releaseFirstWrite = new TaskCompletionSource();
        var writes = new List<IReadOnlyList<(string Order, string Status)>>();
        var writer = new SharedRoundTrip<(string Order, string Status), string>(row => row.Order, async rows =>
        {
            lock (writes)
            {
                writes.Add(rows);
            }
            if (firstWriteRuns.TrySetResult())
            {
                await releaseFirstWrite.Task;
            }
        });

        var first = writer.Write(("order 1", "Submitted"));
        await firstWriteRuns.Task.WaitAsync(TimeSpan.FromSeconds(5));
        var waiting = new[] { writer.Write(("order 2", "Submitted")), writer.Write(("order 2", "Paid")), writer.Write(("order 3", "Submitted")) };
        releaseFirstWrite.SetResult();
        await Task.WhenAll(waiting.Append(first)).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(new[] { ("order 2", "Paid"), ("order 3", "Submitted") }, writes[1]);
    }

    [Fact]
    public async Task A_failed_write_fails_its_callers_only_and_the_next_rows_are_still_written()
    {
        var writes = 0;
        var writer = new SharedRoundTrip<string, string>(row => row, rows =>
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
