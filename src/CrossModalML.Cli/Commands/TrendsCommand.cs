using System.CommandLine;
using System.Globalization;
using CrossModalML.Cli.Rendering;
using CrossModalML.Analysis.Trends;
using CrossModalML.Data;
using Spectre.Console;

namespace CrossModalML.Cli.Commands;

/// <summary><c>crossmodal trends</c>: bucket posts by window and topic, back-test the forecaster against naive forecasts,
/// and list the emerging topics.</summary>
internal static class TrendsCommand
{
    public static Command Create()
    {
        var dataset = CommonOptions.Dataset("Posts with a timestamp column: .tsv, .csv or .jsonl with a header.");
        var window = new Option<TrendWindow>("--window", "-w") { Description = "Bucket length: hour, day or week (UTC).", DefaultValueFactory = _ => TrendWindow.Day };
        var by = new Option<string>("--by") { Description = "Topic key: 'hashtag' (every #tag in the text) or a column name such as 'topic' or 'event'.", DefaultValueFactory = _ => "hashtag" };
        var top = new Option<int>("--top", "-n") { Description = "How many topics to list and chart.", DefaultValueFactory = _ => 5 };
        var report = new Option<DirectoryInfo?>("--report") { Description = "Write report.md with PNG charts (trend lines with forecasts, back-test errors) into this folder." };
        var time = new Option<int?>("--time") { Description = "Seconds for an AutoML search over regression trainers (default: no search, FastTree)." };
        var timestamp = new Option<string?>("--timestamp") { Description = "The timestamp column (default: the only column with the timestamp role)." };
        var backTest = new Option<int>("--backtest") { Description = "Rolling-origin back-test length in windows (0 turns it off).", DefaultValueFactory = _ => new TrendOptions().BackTestWindows };
        var minPosts = new Option<int>("--min-posts") { Description = "Leave out topics with fewer posts.", DefaultValueFactory = _ => new TrendOptions().MinimumTopicPosts };
        var seed = new Option<int>("--seed") { Description = "Seed for every fit and the search.", DefaultValueFactory = _ => 1 };
        var verbose = CommonOptions.Verbose();
        var command = new Command("trends", "Forecast each topic's next-window volume, flag emerging topics, and back-test the forecasts against naive ones.")
        {
            dataset, window, by, top, report, time, timestamp, backTest, minPosts, seed, verbose,
        };
        command.SetAction(r => CommandRunner.Run(r.GetValue(verbose), cancellationToken =>
        {
            OutputPaths.Check(r);
            OptionChecks.AtLeast(r.GetValue(minPosts), 1, "--min-posts");
            OptionChecks.AtLeast(r.GetValue(backTest), 0, "--backtest");
            int topCount = r.GetValue(top);
            if (topCount is < 1 or > 20)
            {
                throw new ArgumentException($"--top must be between 1 and 20; got {topCount}.");
            }

            string key = r.GetValue(by)!;
            bool byHashtag = key.Equals("hashtag", StringComparison.OrdinalIgnoreCase);
            var options = new TrendOptions
            {
                Window = r.GetValue(window),
                TopicSource = byHashtag ? TrendTopicSource.Hashtag : TrendTopicSource.Column,
                TopicColumn = byHashtag ? null : key,
                TimestampColumn = r.GetValue(timestamp),
                BackTestWindows = r.GetValue(backTest),
                MinimumTopicPosts = r.GetValue(minPosts),
                Seed = r.GetValue(seed),
            };
            if (r.GetValue(time) is { } seconds)
            {
                options.TimeBudget = seconds > 0 ? TimeSpan.FromSeconds(seconds) : throw new ArgumentException($"--time must be a positive number of seconds; got {seconds}.");
            }

            var file = r.GetValue(dataset)!;
            AnsiConsole.MarkupLineInterpolated($"Loading [bold]{file.FullName}[/] …");
            var data = PostDatasetLoader.Load(file.FullName, new PostLoadOptions());
            if (!byHashtag && !data.Columns.Any(c => c.Name == key))
            {
                throw new ArgumentException($"--by '{key}' is neither 'hashtag' nor a column of the file. Columns: {string.Join(", ", data.Columns.Select(c => c.Name))}.");
            }

            var progress = new ConsoleProgress();
            var analysis = TrendAnalyzer.Analyze(data, options, progress: progress, cancellationToken: cancellationToken);
            PrintTopics(analysis, topCount);
            if (analysis.BackTest is { } result)
            {
                PrintBackTest(result);
            }

            if (r.GetValue(report) is { } folder)
            {
                string title = $"Trends in {Path.GetFileName(file.FullName)}: {(byHashtag ? "hashtags" : $"'{key}'")} per {options.Window.ToString().ToLowerInvariant()}";
                var path = TrendReport.Build(analysis, title, topCount).Save(folder.FullName);
                AnsiConsole.MarkupLineInterpolated($"Report written to [bold]{path}[/]");
            }

            return CommandRunner.Success;
        }));
        return command;
    }

    private static void PrintTopics(TrendAnalysis analysis, int count)
    {
        var emerging = analysis.Emerging;
        AnsiConsole.MarkupLineInterpolated(
            $"[bold]Emerging topics[/] at {analysis.Table.WindowStarts[^1]:yyyy-MM-dd HH:mm} UTC (forecast for {analysis.NextWindowStart:yyyy-MM-dd HH:mm}): {emerging.Count} flagged");
        AnsiConsole.MarkupLineInterpolated($"[grey]Rule: {analysis.Rule}.[/]");
        var shown = emerging.Count > 0 ? emerging.Take(count).ToList() : analysis.RankedByScore.Take(count).ToList();
        if (emerging.Count == 0)
        {
            AnsiConsole.MarkupLine("No topic meets the emerging rule; highest scores:");
        }

        var table = new ResponsiveTable().Column("rank", rightAligned: true).Column("topic")
            .Column("posts", rightAligned: true).Column("last", rightAligned: true)
            .Column("baseline", rightAligned: true).Column("forecast", rightAligned: true)
            .Column("score", rightAligned: true).Column("emerging");
        for (int i = 0; i < shown.Count; i++)
        {
            var t = shown[i];
            table.Row(I(i + 1), t.Topic, I(t.Posts), I(t.LastCount), F(t.Baseline), F(t.Forecast), F(t.Score), t.IsEmerging ? "yes" : "no");
        }

        table.Write();
        if (analysis.History.Count > 0)
        {
            AnsiConsole.MarkupLine("[bold]Emerged earlier[/] (the rule on observed counts at each window):");
            var history = new ResponsiveTable().Column("topic").Column("first flagged")
                .Column("windows", rightAligned: true).Column("max score", rightAligned: true)
                .Column("peak", rightAligned: true).Column("peak window");
            foreach (var e in analysis.History.Take(count))
            {
                history.Row(e.Topic, T(e.FirstFlagged), I(e.FlaggedWindows), F(e.MaxScore), I(e.PeakCount), T(e.Peak));
            }

            history.Write();
        }
    }

    private static string T(DateTime time) => time.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static void PrintBackTest(TrendBackTest backTest)
    {
        AnsiConsole.MarkupLineInterpolated($"[bold]Back-test[/]: rolling origin over {backTest.Origins.Count} windows, errors in posts per window");
        var table = new ResponsiveTable().Column("method").Column("what")
            .Column("MAE", rightAligned: true).Column("RMSE", rightAligned: true)
            .Column("MASE", rightAligned: true).Column("forecasts", rightAligned: true);
        foreach (var a in backTest.Accuracy)
        {
            table.Row(TrendReport.Name(a.Method), a.Description, F(a.Mae), F(a.Rmse), F(a.Mase), I(a.Count));
        }

        table.Write();
    }

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string I(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
