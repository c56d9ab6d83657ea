using System.Diagnostics;

namespace CrossModalML.Featurization.Encoders;

/// <summary>Counts one prefetch pass's inputs as they get their encodings and reports them, throttled, as
/// <see cref="EncodingProgress"/>: at the start, after each hundredth of the inputs once a fifth of a second has
/// passed, and at the end.</summary>
/// <remarks>Thread-safe: shards finishing on several threads report in order, so counts never go down.</remarks>
internal sealed class EncodingTally
{
    private static readonly TimeSpan MinimumInterval = TimeSpan.FromMilliseconds(200);

    private readonly Lock _gate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly string _encoder;
    private readonly int _total;
    private readonly int _step;
    private readonly IProgress<EncodingProgress> _progress;
    private int _done;
    private int _cacheHits;
    private int _reported = -1;
    private TimeSpan _reportedAt;

    public EncodingTally(string encoder, int total, IProgress<EncodingProgress> progress)
    {
        _encoder = encoder;
        _total = total;
        _step = Math.Max(1, total / 100);
        _progress = progress;
        Report(force: true);
    }

    /// <summary>Counts <paramref name="inputs"/> more inputs with an encoding, <paramref name="cacheHits"/> of them from the cache.</summary>
    public void Add(int inputs, int cacheHits = 0)
    {
        lock (_gate)
        {
            _done = Math.Min(_total, _done + inputs);
            _cacheHits += cacheHits;
            Report(force: false);
        }
    }

    /// <summary>Raises the count to at least <paramref name="done"/> (an executor's wave that came back whole).</summary>
    public void AtLeast(int done)
    {
        lock (_gate)
        {
            _done = Math.Clamp(done, _done, _total);
            Report(force: false);
        }
    }

    /// <summary>Reports the pass as complete.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            _done = _total;
            Report(force: false);
        }
    }

    private void Report(bool force)
    {
        bool last = _done >= _total && _reported < _total;
        bool due = _done - _reported >= _step && _clock.Elapsed - _reportedAt >= MinimumInterval;
        if (!force && !last && !due)
        {
            return;
        }

        _reported = _done;
        _reportedAt = _clock.Elapsed;
        _progress.Report(new EncodingProgress(_encoder, _done, _total, _cacheHits));
    }
}
