using CrossModalML.Data;
using CrossModalML.Training;
using CrossModalML.Evaluation;

namespace CrossModalML.Tests.Training;

[TestClass]
public sealed class GroupFallbackTests
{
    private static readonly ColumnSchema[] Schema =
        [new("text", ColumnRole.Text), new("event", ColumnRole.Categorical), new("label", ColumnRole.Label)];

    /// <summary>40 posts from four events, both classes in each.</summary>
    private static PostDataset FourEvents() => PostDataset.FromRows(
        Schema,
        TaskKind.Binary,
        ["fake", "real"],
        Enumerable.Range(0, 40).Select(i => (IReadOnlyDictionary<string, string?>)new Dictionary<string, string?>
        {
            ["text"] = $"post {i}",
            ["event"] = $"event{i % 4}",
            ["label"] = i % 3 == 0 ? "fake" : "real",
        }),
        imageBaseDirectory: null,
        keepLabel: true);

    [TestMethod]
    public void Fewer_groups_than_folds_falls_back_to_leave_one_group_out_and_says_so()
    {
        var data = FourEvents();
        var options = new EvaluationOptions { Strategy = EvaluationStrategy.CrossValidation, Folds = 5, GroupColumn = "event" };

        var (splits, description) = options.CreateSplits(data, seed: 1);

        Assert.AreEqual(4, splits.Count);
        var events = data.GetColumnValues("event");
        var heldOut = splits.Select(s => s.Test.Select(r => events[r]).Distinct().Single()).Order().ToList();
        CollectionAssert.AreEqual(new[] { "event0", "event1", "event2", "event3" }, heldOut);
        StringAssert.Contains(description, "leave-one-group-out");
        var warning = options.GroupFallbackWarning(data);
        Assert.IsNotNull(warning);
        StringAssert.Contains(warning, "only 4 groups");
        StringAssert.Contains(warning, "EvaluationOptions.Folds");
    }

    [TestMethod]
    public void Enough_groups_keep_the_folds_asked_for_without_a_warning()
    {
        var data = FourEvents();
        var options = new EvaluationOptions { Strategy = EvaluationStrategy.CrossValidation, Folds = 3, GroupColumn = "event" };

        var (splits, description) = options.CreateSplits(data, seed: 1);

        Assert.AreEqual(3, splits.Count);
        Assert.IsFalse(description.Contains("leave-one-group-out", StringComparison.Ordinal));
        Assert.IsNull(options.GroupFallbackWarning(data));
    }

    [TestMethod]
    public void Group_count_counts_each_empty_value_as_its_own_group()
    {
        Assert.AreEqual(4, DataSplitter.GroupCount(["a", "a ", "b", "", " "]));
    }
}
