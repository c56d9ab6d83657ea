namespace CrossModalML.Cli.Rendering;

/// <summary>The rate of counted work over its most recent stretch of time, and the time left at that rate.</summary>
/// <remarks>A rate over a window follows a run that speeds up (cache hits first, then encoding) or slows down, where the
/// average since the start would not. No rate is given until the work has moved a few times and for a second or more, so
/// the first, noisy counts never show an estimate. Not thread-safe.</remarks>
internal sealed class ThroughputWindow
{
    private const int MinimumUpdates = 3;
    private static readonly TimeSpan MinimumSpan = TimeSpan.FromSeconds(1);

    private readonly TimeSpan _span;
    private readonly List<(TimeSpan At, long Done)> _samples = [];
    private int _moves;

    /// <summary>Creates a window that keeps about <paramref name="span"/> of samples.</summary>
    public ThroughputWindow(TimeSpan span) => _span = span;

    /// <summary>Records that <paramref name="done"/> items were done at <paramref name="at"/> (time since the work started).</summary>
    public void Add(TimeSpan at, long done)
    {
        if (_samples.Count > 0 && done > _samples[^1].Done)
        {
            _moves++;
        }

        _samples.Add((at, done));

        // Keep one sample at or beyond the window's start, so the window always spans at least its length.
        while (_samples.Count > 2 && _samples[1].At <= at - _span)
        {
            _samples.RemoveAt(0);
        }
    }

    /// <summary>Items a second over the window, or <c>null</c> until the work has moved a few times over a second or more.</summary>
    public double? Rate()
    {
        if (_moves < MinimumUpdates - 1 || _samples.Count < 2)
        {
            return null;
        }

        var (startAt, startDone) = _samples[0];
        var (endAt, endDone) = _samples[^1];
        var span = endAt - startAt;
        return span >= MinimumSpan && endDone > startDone ? (endDone - startDone) / span.TotalSeconds : null;
    }

    /// <summary>The time <paramref name="remaining"/> items take at <see cref="Rate"/>, at least one second while any
    /// remain (work in progress is never "0 s" from done); <c>null</c> without a rate.</summary>
    public TimeSpan? TimeLeft(long remaining)
    {
        if (remaining <= 0 || Rate() is not { } rate)
        {
            return null;
        }

        return TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(remaining / rate)));
    }
}
