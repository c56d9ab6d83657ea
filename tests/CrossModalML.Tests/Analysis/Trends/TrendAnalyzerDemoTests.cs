using CrossModalML.Analysis.Trends;
using CrossModalML.Data;
using CrossModalML.Tests.TestSupport;
using SkiaSharp;

namespace CrossModalML.Tests.Analysis.Trends;

/// <summary>Trend analysis on the demo set's daily hashtag counts, against the burst datasets/README.md rule 4 plants:
/// no <c>#aurora</c> burst posts up to day 56 (2026-02-26), a ramp to the peak of 30 on day 60 (2026-03-02), then halving
/// every two days.</summary>
[TestClass]
public sealed class TrendAnalyzerDemoTests
{
    private static readonly DateTime PeakDay = new(2026, 3, 2);
    private static TrendTable? s_table;
    private static TrendAnalysis? s_full;

    private static TrendTable Table => s_table ?? throw new InvalidOperationException("ClassInitialize did not run.");

    private static TrendAnalysis Full => s_full ?? throw new InvalidOperationException("ClassInitialize did not run.");

    [ClassInitialize]
    public static void AnalyseDemoSet(TestContext context)
    {
        var data = PostDatasetLoader.Load(RepositoryPaths.DemoPosts, new PostLoadOptions());
        s_table = TrendTable.Build(data);

        // Default options: FastTree, daily windows, a 28-day rolling-origin back-test.
        s_full = TrendAnalyzer.Analyze(s_table);
    }

    [TestMethod]
    [DataRow("2026-02-27", DisplayName = "three days before the peak")]
    [DataRow("2026-02-28", DisplayName = "two days before the peak")]
    public void Aurora_is_flagged_as_the_top_emerging_topic_before_its_peak(string asOf)
    {
        var day = DateTime.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture);
        Assert.IsTrue(day < PeakDay);
        int windows = Table.WindowStarts.ToList().IndexOf(day) + 1;

        // What an analyst running the analysis at the end of that day sees (no back-test, to keep it fast).
        var analysis = TrendAnalyzer.Analyze(Table.Truncate(windows), new TrendOptions { BackTestWindows = 0 });

        var aurora = analysis.Topics.Single(t => t.Topic == "#aurora");
        Assert.IsTrue(aurora.IsEmerging, $"#aurora as of {asOf}: last {aurora.LastCount}, baseline {aurora.Baseline:0.00}, score {aurora.Score:0.00}");
        Assert.IsTrue(aurora.Score >= 3, "the default threshold: score (level − baseline) / √(baseline + 1) ≥ 3");
        Assert.AreEqual("#aurora", analysis.Emerging[0].Topic, "ranked first among the emerging topics");
    }

    [TestMethod]
    public void Aurora_is_first_flagged_on_the_first_burst_day_and_never_in_the_quiet_weeks_before()
    {
        var aurora = Full.History.Single(e => e.Topic == "#aurora");

        Assert.AreEqual(new DateTime(2026, 2, 27), aurora.FirstFlagged, "day 57, the first day of the ramp (8 posts), three days before the peak");
        Assert.AreEqual(PeakDay, aurora.Peak);
        Assert.AreEqual(30, aurora.PeakCount);
        Assert.AreEqual("#aurora", Full.History[0].Topic, "the burst has the highest score of the whole period");
    }

    [TestMethod]
    public void Back_test_beats_the_last_value_and_moving_average_forecasts()
    {
        var backTest = Full.BackTest!;
        var model = backTest[ForecastMethod.Model];
        var lastValue = backTest[ForecastMethod.LastValue];
        var movingAverage = backTest[ForecastMethod.MovingAverage];

        Assert.AreEqual(28, backTest.Origins.Count);
        Assert.AreEqual(lastValue.Count, model.Count, "every method is scored on the same (topic, origin) pairs");

        // Measured: model MAE 0.945 vs last value 1.214 and moving average (7 days) 1.068; the margin asked is 5 %.
        Assert.IsTrue(model.Mae < 0.95 * movingAverage.Mae, $"model MAE {model.Mae:0.000} vs moving average {movingAverage.Mae:0.000}");
        Assert.IsTrue(model.Mae < 0.95 * lastValue.Mae, $"model MAE {model.Mae:0.000} vs last value {lastValue.Mae:0.000}");
        Assert.IsTrue(model.Rmse < movingAverage.Rmse && model.Rmse < lastValue.Rmse, $"model RMSE {model.Rmse:0.000}");
        Assert.IsTrue(model.Mase < 1, "better than the in-sample last-value error");
    }

    [TestMethod]
    public void Report_renders_trend_and_back_test_charts()
    {
        using var temp = new TempDirectory();

        var path = TrendReport.Build(Full, "Demo trends", topTopics: 2).Save(temp.Path);

        var markdown = File.ReadAllText(path);
        StringAssert.Contains(markdown, "## Back-test");
        StringAssert.Contains(markdown, "#aurora");
        var charts = new[] { "topic-1.png", "topic-2.png", "backtest-mae.png", "backtest-by-origin.png" };
        foreach (var chart in charts)
        {
            StringAssert.Contains(markdown, $"]({chart})");
            using var bitmap = SKBitmap.Decode(temp.File(chart));
            Assert.IsNotNull(bitmap, chart);
            Assert.IsTrue(bitmap.Width >= 700, chart);
        }
    }

    [TestMethod]
    public void A_trial_budget_runs_the_AutoML_search_and_uses_its_winner()
    {
        var analysis = TrendAnalyzer.Analyze(Table, new TrendOptions { MaxTrials = 3, BackTestWindows = 3 });

        Assert.IsNotNull(analysis.Search);
        Assert.AreEqual(3, analysis.Search.Trials.Count);
        Assert.AreEqual(analysis.Search.Best!.Configuration.Trainer, analysis.Trainer);
        Assert.AreEqual(analysis.Trainer.ToString(), analysis.BackTest![ForecastMethod.Model].Description);
    }
}
