using System.Globalization;
using CrossModalML.Data;

namespace CrossModalML.Tests.Data;

[TestClass]
public sealed class DataSplitterTests
{
    private static readonly string[] Labels =
        [.. Enumerable.Repeat("pos", 50), .. Enumerable.Repeat("neg", 30), .. Enumerable.Repeat("neu", 17), "rare", "pair", "pair"];

    [TestMethod]
    public void StratifiedHoldOut_keeps_class_proportions_within_one_row()
    {
        var split = DataSplitter.StratifiedHoldOut(Labels, 0.2, seed: 7);

        Assert.AreEqual(Labels.Length, split.Train.Count + split.Test.Count);
        Assert.AreEqual(0, split.Train.Intersect(split.Test).Count());
        foreach (var label in Labels.Distinct())
        {
            var total = Labels.Count(l => l == label);
            var inTest = split.Test.Count(i => Labels[i] == label);
            Assert.IsTrue(Math.Abs(inTest - (total * 0.2)) <= 1.0, $"class {label}: {inTest} of {total} in test");
            if (total >= 2)
            {
                Assert.IsTrue(inTest >= 1 && inTest < total, $"class {label} must be on both sides");
            }
        }
    }

    [TestMethod]
    public void StratifiedHoldOut_is_deterministic_for_a_seed_and_varies_with_it()
    {
        var first = DataSplitter.StratifiedHoldOut(Labels, 0.25, seed: 3);
        var again = DataSplitter.StratifiedHoldOut(Labels, 0.25, seed: 3);
        var other = DataSplitter.StratifiedHoldOut(Labels, 0.25, seed: 4);

        CollectionAssert.AreEqual(first.Test.ToArray(), again.Test.ToArray());
        CollectionAssert.AreEqual(first.Train.ToArray(), again.Train.ToArray());
        CollectionAssert.AreNotEqual(first.Test.ToArray(), other.Test.ToArray());
    }

    [TestMethod]
    public void KFold_puts_every_row_in_exactly_one_test_fold()
    {
        var folds = DataSplitter.KFold(Labels, k: 5, seed: 11);

        Assert.AreEqual(5, folds.Count);
        var testCounts = new int[Labels.Length];
        foreach (var fold in folds)
        {
            foreach (var row in fold.Test)
            {
                testCounts[row]++;
            }

            Assert.AreEqual(Labels.Length, fold.Train.Count + fold.Test.Count);
            Assert.AreEqual(0, fold.Train.Intersect(fold.Test).Count());
            Assert.AreEqual(10, fold.Test.Count(i => Labels[i] == "pos"), "each fold gets a fifth of the 50 'pos' rows");
        }

        Assert.IsTrue(testCounts.All(count => count == 1));
        Assert.IsTrue(folds.Max(f => f.Test.Count) - folds.Min(f => f.Test.Count) <= 1);
    }

    [TestMethod]
    public void Regression_targets_are_stratified_by_quantile_bins()
    {
        var targets = Enumerable.Range(0, 100).Select(i => (i * 0.37).ToString(CultureInfo.InvariantCulture)).ToArray();

        var split = DataSplitter.StratifiedHoldOut(targets, 0.2, seed: 1);

        Assert.AreEqual(20, split.Test.Count);
        for (var bin = 0; bin < 10; bin++)
        {
            Assert.AreEqual(2, split.Test.Count(i => i / 10 == bin), $"decile {bin} must give two test rows");
        }
    }

    [TestMethod]
    public void Invalid_arguments_say_what_is_valid()
    {
        var fraction = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => DataSplitter.StratifiedHoldOut(Labels, 1.0, 1));
        var folds = Assert.ThrowsExactly<ArgumentException>(() => DataSplitter.KFold(["a", "b"], 3, 1));

        StringAssert.Contains(fraction.Message, "between 0 and 1");
        StringAssert.Contains(folds.Message, "at least 3 rows");
    }
}
