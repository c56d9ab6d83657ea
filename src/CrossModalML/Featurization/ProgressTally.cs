using System.Diagnostics;

namespace CrossModalML.Featurization;

/// <summary>Counts one pass of a featurization step (an encoder's prefetch, rows read into memory) and reports it,
/// throttled, as <see cref="FeaturizationProgress"/>: at the start, after each hundredth of the items once a fifth of a
/// second has passed, and at the end.</summary>
/// <remarks>Thread-safe: shards finishing on several threads report in order, so counts never go down.</remarks>
internal sealed class ProgressTally
{
    private static readonly TimeSpan MinimumInterval = TimeSpan.FromMilliseconds(200);

    private readonly Lock _gate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly string _stage;
    private readonly int _total;
    private readonly int _step;
    private readonly IProgress<FeaturizationProgress> _progress;
    private int _done;
    private int _cacheHits;
    private int _reported = -1;
    private TimeSpan _reportedAt;

    public ProgressTally(string stage, int total, IProgress<FeaturizationProgress> progress)
    {
        _stage = stage;
        _total = total;
        _step = Math.Max(1, total / 100);
        _progress = progress;
        Report(force: true);
    }

    /// <summary>Counts <paramref name="inputs"/> more items done, <paramref name="cacheHits"/> of them from the encoders' cache.</summary>
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
        _progress.Report(new FeaturizationProgress(_stage, _done, _total, _cacheHits));
    }
}
