using CrossModalML.Data;

namespace CrossModalML.Tests.Data;

[TestClass]
public sealed class GroupedSplitTests
{
    // 4 events of sizes 10, 6, 3, 1 plus two rows without a group.
    private static readonly string[] Events =
        [.. Enumerable.Repeat("nepal", 10), .. Enumerable.Repeat("eclipse", 6), .. Enumerable.Repeat("samurai", 3), "garissa", "", ""];

    [TestMethod]
    public void Grouped_kfold_never_splits_a_group_and_covers_every_row_once()
    {
        var folds = DataSplitter.GroupedKFold(Events, 3, seed: 1);
        Assert.AreEqual(3, folds.Count);
        CollectionAssert.AreEquivalent(Enumerable.Range(0, Events.Length).ToList(), folds.SelectMany(f => f.Test).ToList());
        foreach (var fold in folds)
        {
            var testGroups = fold.Test.Select(r => Events[r]).Where(g => g.Length > 0).ToHashSet();
            var trainGroups = fold.Train.Select(r => Events[r]).Where(g => g.Length > 0).ToHashSet();
            Assert.IsFalse(testGroups.Overlaps(trainGroups), "a group is on both sides");
        }
    }

    [TestMethod]
    public void As_many_folds_as_groups_is_leave_one_group_out()
    {
        string[] events = [.. Enumerable.Repeat("a", 5), .. Enumerable.Repeat("b", 3), .. Enumerable.Repeat("c", 2), "d"];
        var folds = DataSplitter.GroupedKFold(events, 4, seed: 3);
        var heldOut = folds.Select(f => f.Test.Select(r => events[r]).Distinct().Single()).Order().ToList();
        CollectionAssert.AreEqual(new[] { "a", "b", "c", "d" }, heldOut);
    }

    [TestMethod]
    public void Grouped_hold_out_moves_whole_groups_close_to_the_fraction()
    {
        var split = DataSplitter.GroupedHoldOut(Events, 0.3, seed: 5);
        var testGroups = split.Test.Select(r => Events[r]).Where(g => g.Length > 0).ToHashSet();
        Assert.IsFalse(split.Train.Any(r => Events[r].Length > 0 && testGroups.Contains(Events[r])));
        Assert.IsTrue(split.Train.Count > 0 && split.Test.Count > 0);
        Assert.AreEqual(Events.Length, split.Train.Count + split.Test.Count);
        CollectionAssert.AreEqual(split.Test.ToList(), DataSplitter.GroupedHoldOut(Events, 0.3, seed: 5).Test.ToList(), "deterministic for a seed");
    }

    [TestMethod]
    public void More_folds_than_groups_is_an_error_that_says_so()
    {
        var ex = Assert.ThrowsExactly<ArgumentException>(() => DataSplitter.GroupedKFold(["a", "a", "b"], 3, seed: 1));
        StringAssert.Contains(ex.Message, "2");
    }
}
