using CrossModalML.Analysis.Trends;
using CrossModalML.Data;
using CrossModalML.Tests.TestSupport;

namespace CrossModalML.Tests.Analysis.Trends;

[TestClass]
public sealed class TrendTableTests
{
    private static PostDataset Load(TempDirectory temp, string header, params string[] rows)
    {
        var path = temp.File("posts.tsv");
        File.WriteAllLines(path, rows.Prepend(header));
        return PostDatasetLoader.Load(path, new PostLoadOptions());
    }

    /// <summary>Posts "text \t timestamp \t topic" with a hashtag text, spread over days with a gap.</summary>
    private static PostDataset SmallSet(TempDirectory temp) => Load(
        temp,
        "id\ttext\ttimestamp\ttopic",
        "p1\tSnow again #Winter #winter tonight\t2026-01-05T08:00:00Z\tweather",
        "p2\tLights out #aurora and #winter\t2026-01-05T21:30:00Z\tsky",
        "p3\tNo tags in this one at all\t2026-01-05T22:00:00Z\tweather",
        "p4\tStill #aurora, see page#anchor\t2026-01-07T01:00:00Z\tsky",
        "p5\tMore #AURORA please\t2026-01-07T02:00:00Z\tsky");

    [TestMethod]
    public void Hashtags_are_counted_once_per_post_in_lower_case_and_empty_days_are_zero()
    {
        using var temp = new TempDirectory();
        var table = TrendTable.Build(SmallSet(temp), new TrendOptions { MinimumTopicPosts = 1 });

        CollectionAssert.AreEqual(new[] { new DateTime(2026, 1, 5), new DateTime(2026, 1, 6), new DateTime(2026, 1, 7) }, table.WindowStarts.ToArray());
        CollectionAssert.AreEqual(new[] { 3, 0, 2 }, table.Totals.ToArray(), "every post counts in its day's total, tagged or not");
        CollectionAssert.AreEqual(new[] { "#aurora", "#winter" }, table.Topics.ToArray(), "most posts first; 'page#anchor' is not a tag");
        CollectionAssert.AreEqual(new[] { 1, 0, 2 }, table.Series(table.IndexOf("#aurora")).ToArray());
        CollectionAssert.AreEqual(new[] { 2, 0, 0 }, table.Series(table.IndexOf("#winter")).ToArray(), "#Winter #winter in one post counts once");
        Assert.AreEqual(0, table.FirstSeen[table.IndexOf("#aurora")]);
    }

    [TestMethod]
    public void A_column_or_caller_clusters_can_be_the_topic_key_and_topics_below_the_minimum_are_dropped()
    {
        using var temp = new TempDirectory();
        var data = SmallSet(temp);

        var byColumn = TrendTable.Build(data, new TrendOptions { TopicSource = TrendTopicSource.Column, TopicColumn = "topic", MinimumTopicPosts = 3 });
        CollectionAssert.AreEqual(new[] { "sky" }, byColumn.Topics.ToArray(), "weather has 2 posts, below the minimum of 3");
        CollectionAssert.AreEqual(new[] { 1, 0, 2 }, byColumn.Series(0).ToArray());

        var byCluster = TrendTable.Build(data, new TrendOptions { TopicSource = TrendTopicSource.Cluster, MinimumTopicPosts = 1 }, ["c1", "c2", null, "c2", "c2"]);
        CollectionAssert.AreEqual(new[] { "c2", "c1" }, byCluster.Topics.ToArray());
        CollectionAssert.AreEqual(new[] { 1, 0, 2 }, byCluster.Series(0).ToArray());

        var wrongCount = Assert.ThrowsExactly<ArgumentException>(() => TrendTable.Build(data, new TrendOptions { TopicSource = TrendTopicSource.Cluster }, ["c1"]));
        StringAssert.Contains(wrongCount.Message, "1 cluster ids were given for 5 posts");
    }

    [TestMethod]
    public void Hour_windows_start_on_the_hour_and_week_windows_on_monday()
    {
        var time = new DateTime(2026, 3, 5, 17, 42, 10, DateTimeKind.Utc); // a Thursday
        Assert.AreEqual(new DateTime(2026, 3, 5, 17, 0, 0), TrendTable.WindowStart(time, TrendWindow.Hour));
        Assert.AreEqual(new DateTime(2026, 3, 5), TrendTable.WindowStart(time, TrendWindow.Day));
        Assert.AreEqual(new DateTime(2026, 3, 2), TrendTable.WindowStart(time, TrendWindow.Week));
        Assert.AreEqual(new DateTime(2026, 3, 2), TrendTable.WindowStart(new DateTime(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc), TrendWindow.Week), "a Monday starts its own week");
        Assert.AreEqual(new DateTime(2026, 3, 1, 0, 0, 0).AddDays(-6), TrendTable.WindowStart(new DateTime(2026, 3, 1, 23, 0, 0, DateTimeKind.Utc), TrendWindow.Week), "a Sunday belongs to the week before");
    }

    [TestMethod]
    public void Posts_without_a_timestamp_column_are_a_clear_error()
    {
        using var temp = new TempDirectory();
        var data = Load(temp, "id\ttext", "p1\tHello #world out there", "p2\tAgain #world out here");

        var error = Assert.ThrowsExactly<PostDataException>(() => TrendTable.Build(data));

        StringAssert.Contains(error.Message, "no timestamp column");
        StringAssert.Contains(error.Message, "TimestampColumn");
    }

    [TestMethod]
    public void An_unparseable_timestamp_names_the_line_the_column_and_the_value()
    {
        using var temp = new TempDirectory();
        var data = Load(temp, "id\ttext\ttimestamp", "p1\tHello #world out there\t2026-01-01T10:00:00Z", "p2\tAgain #world out here\tyesterday-ish");

        var error = Assert.ThrowsExactly<PostDataException>(() => TrendTable.Build(data));

        StringAssert.Contains(error.Message, "line 3");
        StringAssert.Contains(error.Message, "column 'timestamp'");
        StringAssert.Contains(error.Message, "'yesterday-ish'");
    }

    [TestMethod]
    public void Too_few_windows_for_a_forecast_is_a_clear_error()
    {
        using var temp = new TempDirectory();
        var rows = Enumerable.Range(1, 5).Select(d => $"p{d}\tDay {d} of #launch week\t2026-02-0{d}T12:00:00Z").ToArray();
        var data = Load(temp, "id\ttext\ttimestamp", rows);

        var error = Assert.ThrowsExactly<PostDataException>(() => TrendAnalyzer.Analyze(data));

        StringAssert.Contains(error.Message, "only 5 day window(s)");
        StringAssert.Contains(error.Message, "at least 9");
    }

    [TestMethod]
    public void Demo_aurora_daily_counts_match_the_planted_burst()
    {
        var data = PostDatasetLoader.Load(RepositoryPaths.DemoPosts, new PostLoadOptions());
        var table = TrendTable.Build(data);

        Assert.AreEqual(90, table.WindowCount);
        Assert.AreEqual(3000, table.Totals.Sum());
        var aurora = table.Series(table.IndexOf("#aurora"));

        // datasets/README.md rule 4: daily #aurora counts from day 56 (2026-02-26) to day 66.
        CollectionAssert.AreEqual(new[] { 0, 8, 16, 23, 30, 21, 15, 11, 8, 5, 5 }, aurora.Skip(56).Take(11).ToArray());
        Assert.AreEqual(new DateTime(2026, 3, 2), table.WindowStarts[60]);
    }
}
