using System.Diagnostics;
using System.Globalization;

namespace MyStamp.Bench.Shared;

/// <summary>
/// A progress bar on stderr (the report goes to stdout and the results folder): redrawn in place on a terminal,
/// a line every tenth when stderr is a file or a pipe.
/// </summary>
internal sealed class Progress : IDisposable
{
    private const int Width = 30;
    private readonly string _label;
    private readonly long _total;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Timer _timer;
    private readonly bool _inPlace = !Console.IsErrorRedirected;
    private long _done;
    private int _lastTenth = -1;
    private int _finished;

    public Progress(string label, long total)
    {
        _label = label;
        _total = Math.Max(1, total);
        _timer = new Timer(_ => Draw(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(250));
    }

    public long Done => Interlocked.Read(ref _done);

    public void Advance(long by = 1) => Interlocked.Add(ref _done, by);

    public void Set(long done) => Interlocked.Exchange(ref _done, done);

    private void Draw(bool last = false)
    {
        var done = Math.Min(Done, _total);
        var fraction = (double)done / _total;
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{_label,-28} [{new string('#', (int)(fraction * Width)).PadRight(Width, '.')}] {fraction,4:P0} {done}/{_total} {_clock.Elapsed.TotalSeconds,6:0.0} s");
        lock (_timer)
        {
            if (_inPlace)
            {
                Console.Error.Write($"\r{line}{(last ? Environment.NewLine : "")}");
            }
            else
            {
                var tenth = (int)(fraction * 10);
                if (tenth != _lastTenth || last)
                {
                    _lastTenth = tenth;
                    Console.Error.WriteLine(line);
                }
            }
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _finished, 1) == 1)
        {
            return;
        }
        _timer.Dispose();
        Draw(last: true);
    }
}
