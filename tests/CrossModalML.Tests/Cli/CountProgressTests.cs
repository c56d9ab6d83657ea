using CrossModalML.Cli.Rendering;
using CrossModalML.Featurization;
using CrossModalML.Tests.TestSupport;

namespace CrossModalML.Tests.Cli;

/// <summary>The plain (piped) rendering of counted work: lines that fit the width, with count, rate and time left.</summary>
[TestClass]
[DoNotParallelize]
public sealed class CountProgressTests
{
    [TestMethod]
    public void Plain_lines_at_80_columns_fit_and_give_count_rate_and_time_left_but_never_0_s_left()
    {
        var now = TimeSpan.Zero;
        var progress = new CountProgress("ResNet18 inputs encoded by a rather long-winded encoder name", clock: () => now);

        var text = PlainConsole.Capture(() =>
        {
            for (int done = 0; done <= 5000; done += 256)
            {
                progress.Update(done, 5000);
                now += TimeSpan.FromSeconds(2);
            }

        }, width: 80);

        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.IsTrue(lines.Count is >= 9 and <= 12, text);
        Assert.IsTrue(lines.All(l => l.Length <= 80), text);
        Assert.IsTrue(lines.All(l => l.Contains("/5,000 (", StringComparison.Ordinal)), text);
        Assert.IsTrue(lines.Skip(1).All(l => l.Contains("/s", StringComparison.Ordinal) && l.Contains(" left", StringComparison.Ordinal)), text);
        Assert.IsFalse(text.Contains(" 0 s left", StringComparison.Ordinal), text);
        StringAssert.EndsWith(progress.Fit(4999, 5000, 80), "about 1 s left", "the last item still has time left, however little");
        StringAssert.Contains(text, "128/s", "256 items every 2 s");
    }

    [TestMethod]
    public void Without_a_rate_yet_a_line_shows_only_the_count()
    {
        var now = TimeSpan.Zero;
        var progress = new CountProgress("posts scored", clock: () => now);
        progress.Update(0, 0);
        now = TimeSpan.FromSeconds(20);
        progress.Update(1000, 0);

        Assert.AreEqual("posts scored: 1,000", progress.Fit(1000, 0, 80));
    }

    [TestMethod]
    public void The_rate_follows_the_last_30_seconds_and_no_time_left_is_given_before_a_few_moves()
    {
        var window = new ThroughputWindow(TimeSpan.FromSeconds(30));
        window.Add(TimeSpan.Zero, 0);
        window.Add(TimeSpan.FromSeconds(5), 50);
        Assert.IsNull(window.TimeLeft(100), "one move is not enough for an estimate");

        long done = 50;
        for (int second = 6; second <= 60; second++)
        {
            done += 10;
            window.Add(TimeSpan.FromSeconds(second), done);
        }

        for (int second = 61; second <= 100; second++)
        {
            done += 100;
            window.Add(TimeSpan.FromSeconds(second), done);
        }

        Assert.AreEqual(100, window.Rate()!.Value, 1e-9, "only the last 30 s count, all at 100 a second");
        Assert.AreEqual(TimeSpan.FromSeconds(5), window.TimeLeft(500));
        Assert.AreEqual(TimeSpan.FromSeconds(1), window.TimeLeft(1), "work in progress is never 0 s from done");
    }

    [TestMethod]
    public void An_encoder_pass_ends_with_how_many_inputs_came_from_the_cache()
    {
        var lines = new FeaturizationLines();
        var text = PlainConsole.Capture(() =>
        {
            lines.Report(new FeaturizationProgress("MiniLM", 0, 20, 0));
            lines.Report(new FeaturizationProgress("MiniLM", 20, 20, 12));
        }, width: 80);

        StringAssert.Contains(text, "MiniLM: 20 inputs encoded, 12 of them from the cache");
    }
}
