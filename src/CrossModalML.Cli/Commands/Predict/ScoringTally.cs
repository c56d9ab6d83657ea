using System.Diagnostics;
using System.Globalization;
using CrossModalML.Data;
using CrossModalML.Prediction;
using CrossModalML.Cli.Rendering;

namespace CrossModalML.Cli.Commands.Predict;

/// <summary>Counts what <c>crossmodal predict</c> has written, chunk by chunk: posts, load warnings and posts scored
/// without their image; shows the count and rate as it goes (<see cref="CountProgress"/>) and, at the end, one summary that says each thing once.</summary>
/// <remarks>Its clock starts when it is created. Chunks are added in output order from one thread; not thread-safe.</remarks>
internal sealed class ScoringTally
{
    private const int MaxWarningsShown = 10;
    private const int MaxExamplesShown = 3;

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly TaskKind _task;
    private readonly List<string> _loadWarnings = [];
    private readonly List<string> _examples = [];
    private readonly CountProgress _progress;
    private long _rows;
    private long _withoutImage;
    private int _warnings;
    private long _correct;
    private double _squaredError;

    /// <summary>A tally for a model of <paramref name="task"/>, which says how a prediction is compared with its label.</summary>
    public ScoringTally(TaskKind task)
    {
        _task = task;
        _progress = new CountProgress("posts scored", clock: () => _clock.Elapsed);
    }

    /// <summary>Posts whose true label was compared with the prediction (a labelled input; empty labels are not compared).</summary>
    public long LabelledRows { get; private set; }

    /// <summary>Counts a written chunk, keeps its first load warnings for the summary and shows the count and rate so far.</summary>
    /// <param name="chunk">The chunk as read.</param>
    /// <param name="predictions">Its predictions, in row order.</param>
    /// <param name="labels">Its true labels as written, or <c>null</c> when the input has none.</param>
    public void Add(PostDataset chunk, IReadOnlyList<PostPrediction> predictions, IReadOnlyList<string>? labels = null)
    {
        _rows += chunk.RowCount;
        for (int i = 0; labels is not null && i < predictions.Count; i++)
        {
            switch (TrueLabels.Comparison(_task, labels[i], predictions[i]))
            {
                case bool correct:
                    LabelledRows++;
                    _correct += correct ? 1 : 0;
                    break;
                case double error:
                    LabelledRows++;
                    _squaredError += error * error;
                    break;
            }
        }

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

        _progress.Update(_rows, 0);
    }

    /// <summary>Prints how many predictions went to <paramref name="output"/> at what rate, the accuracy (or RMSE) on a
    /// labelled input, then the posts scored without their image and the load warnings that say why, each once, wrapped to
    /// the console width.</summary>
    public void PrintSummary(FileInfo output)
    {
        _progress.Finish(null);
        var seconds = _clock.Elapsed.TotalSeconds;
        ConsoleText.Line(string.Create(
            CultureInfo.InvariantCulture, $"Wrote {_rows:N0} predictions to {output.FullName} in {seconds:0.0} s ({_rows / Math.Max(seconds, 1e-9):N0} posts/s)."));
        if (LabelledRows > 0)
        {
            ConsoleText.Line(_task == TaskKind.Regression
                ? string.Create(CultureInfo.InvariantCulture, $"RMSE on the {LabelledRows:N0} labelled posts: {ConsoleText.F(Math.Sqrt(_squaredError / LabelledRows))} (crossmodal evaluate gives every metric).")
                : string.Create(CultureInfo.InvariantCulture, $"Accuracy on the {LabelledRows:N0} labelled posts: {ConsoleText.F((double)_correct / LabelledRows)} ({_correct:N0} right; crossmodal evaluate gives every metric)."));
        }
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
