using CrossModalML.Analysis.Trends;

namespace CrossModalML.Tests.Analysis.Trends;

[TestClass]
public sealed class TrendFeaturesTests
{
    private static readonly DateTime Start = new(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc); // a Monday

    private static TrendTable Table(params int[] counts) =>
        TrendTable.FromCounts(TrendWindow.Day, Start, new Dictionary<string, IReadOnlyList<int>> { ["#t"] = counts }, counts.Select(_ => 10).ToArray());

    private static Dictionary<string, float> Features(TrendTable table, int window, TrendOptions options)
    {
        var values = new float[TrendFeatures.Length(options)];
        TrendFeatures.Compute(table, 0, window, options, values);
        return TrendFeatures.Names(options).Select((n, i) => (n, values[i])).ToDictionary(p => p.n, p => p.Item2);
    }

    [TestMethod]
    public void Lags_averages_growth_share_age_and_season_are_computed_from_the_past()
    {
        var options = new TrendOptions();
        var f = Features(Table(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), 9, options);

        Assert.AreEqual(9f, f["lag_1"]);
        Assert.AreEqual(3f, f["lag_7"]);
        Assert.AreEqual(8f, f["mean_short"], 1e-6);
        Assert.AreEqual(6f, f["mean"], 1e-6);
        Assert.AreEqual(4.5f, f["mean_long"], 1e-6, "only 10 windows exist, so the 28-window mean is over those");
        Assert.AreEqual((float)Math.Log(10.0 / 9.0), f["growth_1"], 1e-6);
        Assert.AreEqual((float)Math.Log(9.0 / 6.0), f["growth_short"], 1e-6, "(mean of 9,8,7 + 1) / (mean of 6,5,4 + 1)");
        Assert.AreEqual(0.9f, f["share"], 1e-6);
        Assert.AreEqual(42f / 70f, f["share_mean"], 1e-6);
        Assert.AreEqual(9f, f["age"], "first seen in window 1");
        Assert.AreEqual(0f, f["since_last"]);
        Assert.AreEqual(45f / 9f, f["mean_since_first"], 1e-6);
        Assert.AreEqual(3f, f["seasonal_lag"], "the target window 10 minus a 7-day season is window 3");
        Assert.AreEqual(3f, f["phase"], "window 10 (2026-01-15) is a Thursday (Monday = 0)");
    }

    [TestMethod]
    public void Windows_before_the_table_count_as_zero_and_weeks_have_no_season()
    {
        var f = Features(Table(4, 0, 0), 2, new TrendOptions());
        Assert.AreEqual(0f, f["lag_1"]);
        Assert.AreEqual(4f, f["lag_3"]);
        Assert.AreEqual(0f, f["lag_4"], "before the first window");
        Assert.AreEqual(2f, f["since_last"]);

        var weekly = new TrendOptions { Window = TrendWindow.Week };
        Assert.IsFalse(TrendFeatures.Names(weekly).Contains("seasonal_lag"));
        Assert.AreEqual(TrendFeatures.Names(weekly).Count, TrendFeatures.Length(weekly));
    }

    [TestMethod]
    public void Features_and_forecasts_never_read_windows_after_the_origin()
    {
        var options = new TrendOptions { MinimumTopicPosts = 1 };
        var history = new[] { 2, 3, 1, 4, 2, 3, 5, 2, 3, 4, 2, 3 };
        var calm = Table([.. history, 3, 2, 3]);
        var burst = Table([.. history, 10, 10, 10]);

        CollectionAssert.AreEqual(Features(calm, 11, options).Values.ToArray(), Features(burst, 11, options).Values.ToArray());
        var fromCalm = TrendForecaster.Fit(calm, options, windowCount: 12).Forecast(calm, 12)[0];
        var fromBurst = TrendForecaster.Fit(burst, options, windowCount: 12).Forecast(burst, 12)[0];
        Assert.AreEqual(fromCalm, fromBurst, "a fit on the first 12 windows must not depend on later ones");
    }

    [TestMethod]
    public void Naive_back_test_forecasts_are_the_last_value_the_moving_average_and_last_season()
    {
        var counts = Enumerable.Range(0, 20).Select(i => (i * 7) % 5).ToArray();
        var table = Table(counts);
        var backTest = TrendBackTester.Run(table, new TrendOptions { BackTestWindows = 3, Trainer = new("FastTree", new Dictionary<string, double> { ["NumberOfTrees"] = 5 }) });

        CollectionAssert.AreEqual(new[] { 17, 18, 19 }, backTest.Origins.ToArray());
        Assert.AreEqual(counts[16], backTest.Forecast(ForecastMethod.LastValue, 0, 0));
        Assert.AreEqual(counts.Skip(10).Take(7).Average(), backTest.Forecast(ForecastMethod.MovingAverage, 0, 0), 1e-9);
        Assert.AreEqual(counts[10], backTest.Forecast(ForecastMethod.SeasonalNaive, 0, 0));
        var lastValue = backTest[ForecastMethod.LastValue];
        double expected = Enumerable.Range(17, 3).Average(o => Math.Abs(counts[o - 1] - counts[o]));
        Assert.AreEqual(expected, lastValue.Mae, 1e-9);
        Assert.AreEqual(3, lastValue.Count);
    }
}
