using System.Diagnostics;
using CrossModalML.Cli.Rendering;
using CrossModalML.Data;
using CrossModalML.Prediction;
using Spectre.Console;

namespace CrossModalML.Cli.Commands.Predict;

/// <summary>Counts what <c>crossmodal predict</c> has written, chunk by chunk: posts, load warnings and posts scored
/// without their image; shows the count and rate as it goes (<see cref="CountProgress"/>) and the summary at the end.</summary>
/// <remarks>Its clock starts when it is created. Chunks are added in output order from one thread; not thread-safe.</remarks>
internal sealed class ScoringTally
{
    private const int MaxWarningsShown = 10;
    private const int MaxExamplesShown = 3;

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<string> _examples = [];
    private readonly CountProgress _progress;
    private long _rows;
    private long _withoutImage;
    private int _warnings;

    /// <summary>Creates a tally whose clock starts now.</summary>
    public ScoringTally() => _progress = new CountProgress("posts scored", clock: () => _clock.Elapsed);

    /// <summary>Counts a written chunk, prints its first load warnings and shows the count and rate so far.</summary>
    public void Add(PostDataset chunk, IReadOnlyList<PostPrediction> predictions)
    {
        _rows += chunk.RowCount;
        foreach (var warning in chunk.Report.Warnings.Take(Math.Max(0, MaxWarningsShown - _warnings)))
        {
            // Each names the file and the reason (e.g. an image over --max-image-pixels, with its size).
            Console.Error.WriteLine($"  warning: {warning}");
        }

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

    /// <summary>Prints how many predictions went to <paramref name="output"/> at what rate, and the posts scored without their image.</summary>
    public void PrintSummary(FileInfo output)
    {
        _progress.Finish(null);
        var seconds = _clock.Elapsed.TotalSeconds;
        AnsiConsole.MarkupLineInterpolated(
            $"Wrote {_rows:N0} predictions to [bold]{output.FullName}[/] in {seconds:0.0} s ({_rows / Math.Max(seconds, 1e-9):N0} posts/s).");
        if (_withoutImage > 0)
        {
            AnsiConsole.MarkupLineInterpolated(
                $"[yellow]Warning:[/] {_withoutImage:N0} of {_rows:N0} posts were scored without their image (missing or unreadable), so their predictions rest on the other modalities; --strict-images makes this an error.");
            foreach (var example in _examples)
            {
                AnsiConsole.MarkupLineInterpolated($"  e.g. {example}");
            }
        }
    }
}
