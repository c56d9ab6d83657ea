using System.Globalization;
using CrossModalML.AutoML;
using Spectre.Console;

namespace CrossModalML.Cli.Rendering;

/// <summary>The search leaderboard in the console: the best trials, their featurizer codes and the legend of those codes.</summary>
internal static class LeaderboardView
{
    /// <summary>Writes the <paramref name="top"/> best trials of <paramref name="search"/>, then the featurizer legend. A trial that
    /// did not complete shows its status (TimedOut, Failed, …) in place of its score.</summary>
    public static void Write(SearchResult search, int top)
    {
        // A search that sampled rows (successive halving on large data) scored its trials on samples of different
        // sizes; the leaderboard then says how many rows each score stands on.
        bool sampled = search.Leaderboard.Any(t => t.SampleRows is not null);
        var table = new ResponsiveTable()
            .Column("trial", rightAligned: true).Column("trainer").Column("featurizer");
        if (sampled)
        {
            table.Column("rows", rightAligned: true);
        }

        table.Column(MetricNames.Of(search.Metric), rightAligned: true).Column("± std", rightAligned: true)
            .Column("time", rightAligned: true).Column("hyperparameters", optional: true);
        foreach (var t in search.Leaderboard.Take(top))
        {
            bool completed = t.Status == TrialStatus.Completed;
            var cells = new List<string>
            {
                t.Number.ToString(CultureInfo.InvariantCulture),
                t.Configuration.Trainer.Name,
                FeaturizerLabel.Code(t.Configuration.Featurizer),
            };
            if (sampled)
            {
                cells.Add(t.SampleRows is { } rows ? rows.ToString("N0", CultureInfo.InvariantCulture) : "all");
            }

            cells.Add(completed ? ConsoleText.F(t.Score) : t.Status.ToString());
            cells.Add(completed ? ConsoleText.F(t.ScoreStd) : "—");
            cells.Add(string.Create(CultureInfo.InvariantCulture, $"{t.Duration.TotalSeconds:0.0} s"));
            cells.Add(string.Join(" ", t.Configuration.Trainer.Parameters.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key}={p.Value:G3}"))));
            table.Row([.. cells]);
        }

        AnsiConsole.MarkupLineInterpolated($"[bold]Leaderboard (top {Math.Min(top, search.Leaderboard.Count)} of {search.Leaderboard.Count}):[/]");
        table.Write();
        if (search.Leaderboard is [{ IsDefaultConfiguration: true } first, ..] &&
            search.Leaderboard.Where(t => t.Status == TrialStatus.Completed && t.Loss < first.Loss).MinBy(t => t.Loss) is { } higher)
        {
            // StartKeeper ranked the start first: say so beside the table, where the order looks wrong.
            ConsoleText.Line($"Trial {first.Number} is first although trial {higher.Number} scored higher: the search kept its starting configuration because that lead did not hold across the folds.");
        }

        ConsoleText.Line(FeaturizerLabel.Legend);
    }
}
