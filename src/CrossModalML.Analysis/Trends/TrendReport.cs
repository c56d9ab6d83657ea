using System.Globalization;
using CrossModalML.Analysis.Reporting;

namespace CrossModalML.Analysis.Trends;

/// <summary>Turns a <see cref="TrendAnalysis"/> into a Markdown report with PNG charts: the emerging topics, a trend line
/// per top topic with the model's one-step forecasts dashed, and the back-test errors by method.</summary>
public static class TrendReport
{
    /// <summary>The topics a report draws: the ones emerging now by score, then those that emerged earlier
    /// (<see cref="TrendAnalysis.History"/>, by score), then the most-posted, up to <paramref name="count"/>.</summary>
    public static IReadOnlyList<TopicTrend> TopTopics(TrendAnalysis analysis, int count)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var byName = analysis.Topics.ToDictionary(t => t.Topic, StringComparer.Ordinal);
        return analysis.Emerging
            .Concat(analysis.History.Select(e => byName[e.Topic]))
            .Concat(analysis.Topics)
            .DistinctBy(t => t.Topic)
            .Take(count)
            .ToList();
    }

    /// <summary>Builds the report; call <see cref="MarkdownReport.Save"/> on the result to write it.</summary>
    /// <param name="analysis">The analysis.</param>
    /// <param name="title">The report's title.</param>
    /// <param name="topTopics">How many topics get a trend chart (1 to 20).</param>
    public static MarkdownReport Build(TrendAnalysis analysis, string title, int topTopics = 5)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentOutOfRangeException.ThrowIfLessThan(topTopics, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(topTopics, 20);
        var table = analysis.Table;
        string window = table.Window.ToString().ToLowerInvariant();
        var report = new MarkdownReport(title);
        string trainer = analysis.Search is { } search
            ? $"`{analysis.Trainer}`, chosen by an AutoML search ({search.Trials.Count} trials, validation MAE {search.Best!.Score.ToString("0.###", CultureInfo.InvariantCulture)})"
            : $"`{analysis.Trainer}` (the default trainer)";
        report.Paragraph(
            Invariant($"{table.Totals.Sum():N0} posts with a time in {table.WindowCount:N0} {window} windows ({table.WindowStarts[0]:yyyy-MM-dd HH:mm} to {table.WindowStarts[^1]:yyyy-MM-dd HH:mm} UTC), ") +
            Invariant($"{table.TopicCount:N0} topics{(table.PostsWithoutTime > 0 ? Invariant($"; {table.PostsWithoutTime:N0} posts without a time left out") : "")}. ") +
            Invariant($"Next-window forecasts ({analysis.NextWindowStart:yyyy-MM-dd HH:mm}) come from {trainer} on lag and growth features of each topic."));

        report.Heading("Emerging topics");
        report.Paragraph($"Rule: {analysis.Rule}.");
        var emerging = analysis.Emerging;
        var listed = emerging.Count > 0 ? emerging.Take(Math.Max(topTopics, 10)).ToList() : analysis.RankedByScore.Take(5).ToList();
        if (emerging.Count == 0)
        {
            report.Paragraph("No topic meets the rule at the latest window. The highest scores:");
        }

        report.Table(
            ["rank", "topic", "posts", "last window", "baseline", "forecast", "score", "emerging"],
            listed.Select((t, i) => (IReadOnlyList<object?>)[i + 1, t.Topic, t.Posts, t.LastCount, t.Baseline, t.Forecast, t.Score, t.IsEmerging ? "yes" : "no"]),
            "0.##");

        if (analysis.History.Count > 0)
        {
            report.Paragraph("Topics that met the rule at some window, judged on observed counts only:");
            report.Table(
                ["topic", "first flagged", "windows flagged", "highest score", "at", "peak count", "peak"],
                analysis.History.Take(Math.Max(topTopics, 10)).Select(e => (IReadOnlyList<object?>)[e.Topic, Time(e.FirstFlagged), e.FlaggedWindows, e.MaxScore, Time(e.MaxScoreWindow), e.PeakCount, Time(e.Peak)]),
                "0.##");
        }

        report.Heading("Top topics");
        var top = TopTopics(analysis, topTopics);
        for (int i = 0; i < top.Count; i++)
        {
            report.Chart(TopicChart(analysis, top[i]), $"topic-{i + 1}.png", width: 900, height: 320);
        }

        if (analysis.BackTest is { } backTest)
        {
            report.Heading("Back-test");
            report.Paragraph(
                Invariant($"Rolling origin over the last {backTest.Origins.Count} windows ({table.WindowStarts[backTest.Origins[0]]:yyyy-MM-dd HH:mm} to {table.WindowStarts[backTest.Origins[^1]]:yyyy-MM-dd HH:mm}): ") +
                "at each origin the model is refit on the windows before it and forecasts the origin's count for every topic seen before it. " +
                Invariant($"MASE divides MAE by the in-sample last-value error before the first origin ({backTest.MaseScale:0.###} posts)."));
            report.Table(
                ["method", "what", "MAE", "RMSE", "MASE", "forecasts"],
                backTest.Accuracy.Select(a => (IReadOnlyList<object?>)[Name(a.Method), a.Description, a.Mae, a.Rmse, a.Mase, a.Count]),
                "0.###");
            report.Chart(Chart.Bars("Back-test MAE by method", $"posts per {window}", backTest.Accuracy.Select(a => (Name(a.Method), a.Mae))), "backtest-mae.png", width: 700, height: 350);
            report.Chart(
                Chart.Lines("Back-test MAE at each origin", "origin window", "MAE", backTest.Accuracy.Select(a =>
                    ChartSeries.FromTimes(Name(a.Method), backTest.Origins.Select((w, o) => (table.WindowStarts[w], backTest.PerOriginMae[a.Method][o])), a.Method == ForecastMethod.Model ? ChartSeriesStyle.Line : ChartSeriesStyle.DashedLine))),
                "backtest-by-origin.png");
        }

        return report;
    }

    /// <summary>A readable name of a method.</summary>
    public static string Name(ForecastMethod method) => method switch
    {
        ForecastMethod.Model => "model",
        ForecastMethod.LastValue => "last value",
        ForecastMethod.MovingAverage => "moving average",
        _ => "seasonal naive",
    };

    private static Chart TopicChart(TrendAnalysis analysis, TopicTrend topic)
    {
        var table = analysis.Table;
        int index = table.IndexOf(topic.Topic);
        var observed = ChartSeries.FromTimes($"{topic.Topic} observed", table.Series(index).Select((c, w) => (table.WindowStarts[w], (double)c)));
        var forecast = new List<(DateTime, double)>();
        if (analysis.BackTest is { } backTest)
        {
            forecast.AddRange(backTest.Origins.Select((w, o) => (table.WindowStarts[w], backTest.Forecast(ForecastMethod.Model, o, index))));
        }
        else
        {
            forecast.Add((table.WindowStarts[^1], topic.LastCount));
        }

        forecast.Add((analysis.NextWindowStart, topic.Forecast));
        var dashed = ChartSeries.FromTimes("model forecast (one window ahead)", forecast, ChartSeriesStyle.DashedLine);
        string flag = topic.IsEmerging ? string.Create(CultureInfo.InvariantCulture, $" — emerging, score {topic.Score:0.#}") : "";
        return Chart.Lines($"{topic.Topic}{flag}", "window start (UTC)", $"posts per {table.Window.ToString().ToLowerInvariant()}", [observed, dashed]);
    }

    private static string Time(DateTime time) => time.ToString(time.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
