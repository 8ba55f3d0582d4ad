namespace MyStamp.BuildingBlocks.Database;

/// <summary>
/// Writes the rows a node's callers hand in at about the same time with one statement (one round trip, one commit):
/// while one write runs, the rows that arrive wait and go together in the next. A row alone is written at once
/// (no timer, no delay added); under load, many requests share a round trip. Each caller's task completes when its
/// row is committed, or fails with the write's error: the caller sees exactly what it would have seen alone.
/// </summary>
/// <remarks>
/// For idempotent upserts of derived rows (read models, indexes), where the statement takes a list. A statement
/// may not upsert one key twice, so the write gets one row per <paramref name="keyOf"/>, the last handed in:
/// the callers of one key are sequential, so the later row is the newer.
/// </remarks>
public sealed class SharedRoundTrip<T, TKey>(Func<T, TKey> keyOf, Func<IReadOnlyList<T>, Task> write, int maxRows = 500)
    where TKey : notnull
{
    private readonly SharedRoundTrip<T, TKey, bool> _writes = new(keyOf, async rows =>
    {
        await write(rows);
        return _ => true;
    }, maxRows);

    public Task Write(T row) => _writes.Write(row);
}

/// <summary>
/// <see cref="SharedRoundTrip{T, TKey}"/> for a statement that answers something per row (a version, say): each caller
/// gets the answer for its own row's key.
/// </summary>
public sealed class SharedRoundTrip<T, TKey, TResult>(Func<T, TKey> keyOf, Func<IReadOnlyList<T>, Task<Func<TKey, TResult>>> write, int maxRows = 500)
    where TKey : notnull
{
    private readonly Lock _lock = new();
    private readonly List<(T Row, TaskCompletionSource<TResult> Committed)> _waiting = [];
    private bool _writing;

    public Task<TResult> Write(T row)
    {
        var committed = new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        bool startWriter;
        lock (_lock)
        {
            _waiting.Add((row, committed));
            startWriter = !_writing;
            _writing = true;
        }
        if (startWriter)
        {
            // On the thread pool, never on the caller's scheduler (a grain's), and without the caller's context (its
            // trace, its grain call's request context): the writer serves every caller.
            using (ExecutionContext.SuppressFlow())
            {
                _ = Task.Run(WriteWhileWaiting);
            }
        }
        return committed.Task;
    }

    private async Task WriteWhileWaiting()
    {
        while (true)
        {
            List<(T Row, TaskCompletionSource<TResult> Committed)> batch;
            lock (_lock)
            {
                if (_waiting.Count == 0)
                {
                    _writing = false;
                    return;
                }
                var count = Math.Min(_waiting.Count, maxRows);
                batch = _waiting.GetRange(0, count);
                _waiting.RemoveRange(0, count);
            }
            try
            {
                var resultOf = await write(batch.GroupBy(waiting => keyOf(waiting.Row)).Select(sameKey => sameKey.Last().Row).ToList());
                foreach (var waiting in batch)
                {
                    try
                    {
                        waiting.Committed.TrySetResult(resultOf(keyOf(waiting.Row)));
                    }
                    catch (Exception exception)
                    {
                        // No answer for this row (the statement skipped it): its caller fails, the others do not.
                        waiting.Committed.TrySetException(exception);
                    }
                }
            }
            catch (Exception exception)
            {
                batch.ForEach(waiting => waiting.Committed.TrySetException(exception));
            }
        }
    }
}
