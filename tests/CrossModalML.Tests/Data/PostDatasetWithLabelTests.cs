using CrossModalML.Data;

namespace CrossModalML.Tests.Data;

[TestClass]
public sealed class PostDatasetWithLabelTests
{
    private static readonly ColumnSchema[] Schema =
    [
        new("text", ColumnRole.Text),
        new("sentiment", ColumnRole.Label),
        new("topic", ColumnRole.Categorical),
        new("likes", ColumnRole.Numeric),
    ];

    private static PostDataset Posts(params (string Text, string Sentiment, string Topic, string Likes)[] rows) =>
        PostDataset.FromRows(Schema, TaskKind.Binary, ["negative", "positive"],
            rows.Select(r => (IReadOnlyDictionary<string, string?>)new Dictionary<string, string?> { ["text"] = r.Text, ["sentiment"] = r.Sentiment, ["topic"] = r.Topic, ["likes"] = r.Likes }),
            imageBaseDirectory: null, keepLabel: true);

    [TestMethod]
    public void Another_column_becomes_the_label_and_the_former_label_is_ignored()
    {
        var posts = Posts(("a", "positive", "food", "3"), ("b", "negative", "tech", "4"), ("c", "positive", "music", "5"));

        var byTopic = posts.WithLabel("topic");
        Assert.AreEqual("topic", byTopic.LabelColumn);
        Assert.AreEqual(TaskKind.Multiclass, byTopic.Task);
        CollectionAssert.AreEqual(new[] { "food", "music", "tech" }, byTopic.ClassLabels.ToArray());
        Assert.AreEqual(ColumnRole.Ignore, byTopic.Columns.Single(c => c.Name == "sentiment").Role);
        Assert.IsNull(byTopic.DataView.Schema.GetColumnOrNull("sentiment"), "an ignored label is not in the view");

        var byLikes = posts.WithLabel("likes", TaskKind.Regression);
        Assert.AreEqual(TaskKind.Regression, byLikes.Task);
        Assert.AreEqual(posts.RowCount, byLikes.RowCount);
    }

    [TestMethod]
    public void A_label_with_empty_rows_or_one_class_is_refused_with_the_lines()
    {
        var posts = Posts(("a", "positive", "food", "3"), ("b", "negative", "", "4"), ("c", "positive", "food", "5"));

        StringAssert.Contains(Assert.ThrowsExactly<PostDataException>(() => posts.WithLabel("topic")).Message, "line 2");
        var oneClass = Posts(("a", "positive", "food", "3"), ("b", "negative", "food", "4"));
        StringAssert.Contains(Assert.ThrowsExactly<PostDataException>(() => oneClass.WithLabel("topic")).Message, "single value 'food'");
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => posts.WithLabel("mood")).Message, "'mood'");
    }
}
