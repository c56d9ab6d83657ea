using System.Globalization;
using CrossModalML.AutoML;

namespace CrossModalML.Cli.Rendering;

/// <summary>A test-set leaderboard in the console: each trial's validation score from the search beside its score on the
/// test posts, the saved model marked, then why any row has no test score and the featurizer legend.</summary>
internal static class TestLeaderboardView
{
    /// <summary>Writes the <paramref name="top"/> best rows of <paramref name="board"/> (every row when <c>null</c>).</summary>
    public static void Write(TestLeaderboard board, int? top)
    {
        var metric = MetricNames.Of(board.Metric);
        bool ensemble = board.Entries.Any(e => e.Trial is null);
        var rows = board.Entries.Take(top ?? board.Entries.Count).ToList();
        var table = new ResponsiveTable()
            .Column("trial", rightAligned: true).Column("trainer").Column("featurizer");
        if (ensemble)
        {
            table.Column("weight", rightAligned: true);
        }

        table.Column("validation", rightAligned: true).Column("test", rightAligned: true)
            .Column("time", rightAligned: true, optional: true).Column("hyperparameters", optional: true);
        foreach (var entry in rows)
        {
            var cells = new List<string>
            {
                (entry.Trial?.ToString(CultureInfo.InvariantCulture) ?? "ensemble") + (entry.IsSavedModel ? "*" : string.Empty),
                entry.Trial is null ? "weighted mean" : entry.Trainer.Name,
                entry.Featurizer is { } featurizer ? FeaturizerLabel.Code(featurizer) : "per member",
            };
            if (ensemble)
            {
                cells.Add(entry.EnsembleWeight is { } weight ? ConsoleText.F(weight) : "—");
            }

            cells.Add(ConsoleText.F(entry.ValidationScore));
            cells.Add(ConsoleText.F(entry.TestScore));
            cells.Add(string.Create(CultureInfo.InvariantCulture, $"{entry.Duration.TotalSeconds:0.0} s"));
            cells.Add(entry.Trial is null
                ? string.Empty
                : string.Join(" ", entry.Trainer.Parameters.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key}={p.Value:G3}"))));
            table.Row([.. cells]);
        }

        ConsoleText.Line(string.Create(
            CultureInfo.InvariantCulture,
            $"Test-set leaderboard by {metric} (top {rows.Count} of {board.Entries.Count}; refit on {board.TrainingRows:N0} posts, scored on {board.TestRows:N0}):"));
        table.Write();
        ConsoleText.Line("* the saved model, scored as saved (crossmodal evaluate gives the same figures on this file); every other row is its trial refit on the training posts.");
        foreach (var entry in rows.Where(e => e.Message is not null))
        {
            ConsoleText.Line($"{entry.Label}: {entry.Message}");
        }

        ConsoleText.Line(FeaturizerLabel.Legend);
    }
}
