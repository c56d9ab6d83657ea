using System.Diagnostics;
using System.Globalization;
using CrossModalML.Data;
using CrossModalML.Prediction;
using CrossModalML.Cli.Rendering;

namespace CrossModalML.Cli.Commands.Predict;

/// <summary>Counts what <c>crossmodal predict</c> has written, chunk by chunk: posts, load warnings and posts scored
/// without their image; prints a rate line at most once a second and, at the end, one summary that says each thing once.</summary>
/// <remarks>Its clock starts when it is created. Chunks are added in output order from one thread; not thread-safe.</remarks>
internal sealed class ScoringTally
{
    private const int MaxWarningsShown = 10;
    private const int MaxExamplesShown = 3;

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<string> _loadWarnings = [];
    private readonly List<string> _examples = [];
    private TimeSpan _lastReport = TimeSpan.Zero;
    private long _rows;
    private long _withoutImage;
    private int _warnings;

    /// <summary>Counts a written chunk, keeps its first load warnings for the summary and, once a second, prints the rate so far.</summary>
    public void Add(PostDataset chunk, IReadOnlyList<PostPrediction> predictions)
    {
        _rows += chunk.RowCount;

        // Each names the file, the lines and the reason (e.g. an image over --max-image-pixels, with its size).
        _loadWarnings.AddRange(chunk.Report.Warnings.Take(Math.Max(0, MaxWarningsShown - _loadWarnings.Count)));
        _warnings += chunk.Report.Warnings.Count;
        foreach (var prediction in predictions.Where(p => p.Warnings.Count > 0))
        {
            _withoutImage++;
            if (_examples.Count < MaxExamplesShown)
            {
                _examples.Add(prediction.Warnings[0]);
            }
        }

        if (_clock.Elapsed - _lastReport >= TimeSpan.FromSeconds(1))
        {
            _lastReport = _clock.Elapsed;
            Console.Error.WriteLine($"  {_rows:N0} posts scored ({_rows / _clock.Elapsed.TotalSeconds:N0} posts/s)");
        }
    }

    /// <summary>Prints how many predictions went to <paramref name="output"/> at what rate, then the posts scored without
    /// their image and the load warnings that say why, each once, wrapped to the console width.</summary>
    public void PrintSummary(FileInfo output)
    {
        var seconds = _clock.Elapsed.TotalSeconds;
        ConsoleText.Line(string.Create(
            CultureInfo.InvariantCulture, $"Wrote {_rows:N0} predictions to {output.FullName} in {seconds:0.0} s ({_rows / Math.Max(seconds, 1e-9):N0} posts/s)."));
        if (_withoutImage > 0)
        {
            ConsoleText.Line(string.Create(
                CultureInfo.InvariantCulture,
                $"Warning: {_withoutImage:N0} of {_rows:N0} posts were scored without their image (missing or unreadable), so their predictions rest on the other modalities; --strict-images makes this an error."));
        }

        // The load warnings name the lines, paths and reasons; the per-post notes are shown only when loading gave none.
        var reasons = _loadWarnings.Count > 0 ? _loadWarnings : _examples.Select(e => $"e.g. {e}").ToList();
        foreach (var reason in reasons)
        {
            ConsoleText.Line(_withoutImage > 0 ? $"  {reason}" : $"Warning: {reason}", "    ");
        }

        if (_warnings > _loadWarnings.Count)
        {
            ConsoleText.Line(string.Create(CultureInfo.InvariantCulture, $"  ({_warnings - _loadWarnings.Count:N0} more load warnings not shown)"));
        }
    }
}
