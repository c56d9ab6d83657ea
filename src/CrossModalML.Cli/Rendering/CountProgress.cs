using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace CrossModalML.Cli.Rendering;

/// <summary>The CLI's one renderer of counted work (inputs encoded, posts scored): a live bar with count, rate and time
/// left in a terminal; in a pipe or a log, a plain line at each tenth of the work or every 15 seconds, never wider than
/// the console (none for work that ends within three seconds).</summary>
/// <remarks>
/// The rate is measured over the last 30 seconds (<see cref="ThroughputWindow"/>) and the time left is shown only once
/// that rate is known, never as "0 s" while work remains. With an unknown total (0) the lines give the count and rate
/// only. One instance follows one piece of work; its clock starts when it is created. Not thread-safe.
/// </remarks>
internal sealed class CountProgress
{
    // A label cut shorter than this says nothing; the rate goes before it does.
    private const int MinimumLabel = 12;

    private static readonly TimeSpan LineInterval = TimeSpan.FromSeconds(15);

    // Work that ends within this time writes no plain lines: a log would fill with counts of instant steps.
    private static readonly TimeSpan QuietStart = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan RateWindow = TimeSpan.FromSeconds(30);

    private readonly string _label;
    private readonly string _indent;
    private readonly Func<TimeSpan> _clock;
    private readonly ThroughputWindow _window = new(RateWindow);
    private ProgressTask? _bar;
    private long _lastTenth;
    private TimeSpan _lastLine;

    /// <summary>Creates a renderer for the work named <paramref name="label"/> (e.g. "ResNet18 inputs encoded").</summary>
    /// <param name="label">What is counted; shortened when a line would not fit.</param>
    /// <param name="indent">Put before each plain line.</param>
    /// <param name="clock">Time since the work started; <c>null</c> for a stopwatch started now.</param>
    public CountProgress(string label, string indent = "", Func<TimeSpan>? clock = null)
    {
        _label = label;
        _indent = indent;
        if (clock is null)
        {
            var stopwatch = Stopwatch.StartNew();
            clock = () => stopwatch.Elapsed;
        }

        _clock = clock;
    }

    /// <summary>Shows that <paramref name="done"/> of <paramref name="total"/> items are done (total 0 when unknown).</summary>
    public void Update(long done, long total)
    {
        var now = _clock();
        _window.Add(now, done);
        if (LiveProgress.IsShown)
        {
            _bar ??= LiveProgress.AddTask(_label, Math.Max(1, total));
            if (_bar is not null)
            {
                _bar.MaxValue = Math.Max(1, total > 0 ? total : done);
                _bar.Value = done;
                _bar.Description = Markup.Escape(Fit(done, total, Math.Max(20, CliConsole.Width / 2)));
            }

            return;
        }

        long tenth = total > 0 ? done * 10 / total : 0;
        bool working = total <= 0 || done < total;
        if (working && done > 0 && now >= QuietStart && (tenth > _lastTenth || now - _lastLine >= LineInterval))
        {
            _lastTenth = tenth;
            _lastLine = now;
            CliConsole.Current.WriteLine(Fit(done, total, CliConsole.Width));
        }
    }

    /// <summary>Ends the work: removes its bar and writes <paramref name="summary"/>, when given, as a line.</summary>
    public void Finish(string? summary)
    {
        _bar?.StopTask();
        _bar = null;
        if (summary is not null)
        {
            ConsoleText.Line(_indent + summary, _indent + "    ");
        }
    }

    /// <summary>The progress line at most <paramref name="width"/> characters wide: the label is shortened first, then
    /// the rate goes; the count and the time left are kept.</summary>
    internal string Fit(long done, long total, int width)
    {
        var count = total > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{done:N0}/{total:N0} ({100.0 * done / total:0}%)")
            : string.Create(CultureInfo.InvariantCulture, $"{done:N0}");
        var rate = _window.Rate() is { } r ? $", {Rate(r)}/s" : string.Empty;
        var left = total > 0 && _window.TimeLeft(total - done) is { } t ? $", {ConsoleProgress.Left(t)}" : string.Empty;
        foreach (var tail in new[] { $": {count}{rate}{left}", $": {count}{left}" })
        {
            int room = width - _indent.Length - tail.Length;
            if (_label.Length <= room)
            {
                return _indent + _label + tail;
            }

            if (room >= MinimumLabel + 1)
            {
                return $"{_indent}{_label[..(room - 1)]}…{tail}";
            }
        }

        var bare = $"{_indent}{count}{left}";
        return bare.Length > width ? bare[..width] : bare;
    }

    private static string Rate(double perSecond) => perSecond switch
    {
        >= 100 => perSecond.ToString("N0", CultureInfo.InvariantCulture),
        >= 10 => perSecond.ToString("0", CultureInfo.InvariantCulture),
        _ => perSecond.ToString("0.0", CultureInfo.InvariantCulture),
    };
}
