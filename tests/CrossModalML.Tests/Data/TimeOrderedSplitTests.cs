using CrossModalML.Data;
using CrossModalML.Training;
using Microsoft.ML;
using CrossModalML.Evaluation;

namespace CrossModalML.Tests.Data;

[TestClass]
public sealed class TimeOrderedSplitTests
{
    // Rows out of time order, with a tie (rows 2 and 5) that file order breaks.
    private static readonly long[] Times = [50, 10, 30, 90, 70, 30, 20, 80, 60, 40];

    [TestMethod]
    public void Hold_out_tests_on_the_latest_rows_only()
    {
        var split = DataSplitter.TimeOrderedHoldOut(Times, 0.3);

        CollectionAssert.AreEqual(new[] { 3, 4, 7 }, split.Test.ToArray(), "times 90, 70, 80 are the latest 30 %");
        Assert.IsTrue(split.Train.Max(r => Times[r]) < split.Test.Min(r => Times[r]));
        Assert.AreEqual(Times.Length, split.Train.Count + split.Test.Count);
    }

    [TestMethod]
    public void Forward_chaining_folds_train_on_the_past_and_test_on_the_next_block()
    {
        var folds = DataSplitter.TimeOrderedFolds(Times, 4);

        Assert.AreEqual(4, folds.Count);
        foreach (var fold in folds)
        {
            Assert.IsTrue(fold.Train.Count > 0 && fold.Test.Count > 0);
            Assert.IsTrue(fold.Train.Max(r => Times[r]) <= fold.Test.Min(r => Times[r]), "every training row is older than every test row");
        }

        for (int i = 1; i < folds.Count; i++)
        {
            Assert.IsTrue(folds[i].Train.Count > folds[i - 1].Train.Count, "the training part grows");
            CollectionAssert.IsSubsetOf(folds[i - 1].Test.ToList(), folds[i].Train.ToList(), "the last fold's test block joins training");
        }

        // 10 rows in 5 blocks of 2: the first block (times 10, 20) is never tested; of the tie at 30, row 2 comes first.
        var tested = folds.SelectMany(f => f.Test).ToList();
        CollectionAssert.AreEquivalent(new[] { 2, 5, 9, 0, 8, 4, 7, 3 }, tested);
        CollectionAssert.AreEqual(new[] { 2, 5 }, folds[0].Test.ToArray());
    }

    [TestMethod]
    public void Posts_with_the_same_time_stay_on_one_side_of_every_cut()
    {
        // Runs of equal times; the plain cuts (6 of 10 rows for the hold-out, 6 for the second of 2 folds) fall inside runs.
        long[] times = [5, 1, 3, 1, 3, 3, 1, 5, 3, 5];

        var holdOut = DataSplitter.TimeOrderedHoldOut(times, 0.4);
        Assert.IsTrue(holdOut.Train.Max(r => times[r]) < holdOut.Test.Min(r => times[r]), "a time on both sides of the hold-out");
        CollectionAssert.AreEquivalent(new[] { 0, 7, 9 }, holdOut.Test.ToArray(), "the run at time 5 is the test part");

        var folds = DataSplitter.TimeOrderedFolds(times, 2);
        foreach (var fold in folds)
        {
            Assert.IsTrue(fold.Train.Max(r => times[r]) < fold.Test.Min(r => times[r]), "a time on both sides of a fold");
        }

        CollectionAssert.AreEquivalent(new[] { 1, 3, 6 }, folds[0].Train.ToArray());
        CollectionAssert.AreEquivalent(new[] { 2, 4, 5, 8 }, folds[0].Test.ToArray());
        CollectionAssert.AreEquivalent(new[] { 0, 7, 9 }, folds[1].Test.ToArray());

        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => DataSplitter.TimeOrderedFolds(times, 4)).Message, "use fewer folds");
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => DataSplitter.TimeOrderedHoldOut([7, 7, 7], 0.3)).Message, "same time");
    }

    [TestMethod]
    public void A_first_forward_chaining_block_of_one_class_is_refused_naming_the_block_its_rows_and_the_setting()
    {
        using var temp = new TempDirectory();
        var rows = Enumerable.Range(0, 12).Select(i => $"p{i}\tpost number {i}\t2026-03-{1 + i:00}T10:00:00Z\t{(i < 4 || i % 2 == 0 ? "up" : "down")}").ToList();
        temp.Write("posts.tsv", string.Join('\n', ["id\ttext\twhen\tmood", .. rows]));
        var data = PostDatasetLoader.Load(Path.Combine(temp.Path, "posts.tsv"), new PostLoadOptions { LabelColumn = "mood" });

        var error = Assert.ThrowsExactly<PostDataException>(() =>
            new EvaluationOptions { Strategy = EvaluationStrategy.CrossValidation, Folds = 3, TimeColumn = "when" }.CreateSplits(data, 1));
        StringAssert.Contains(error.Message, "block 1");
        StringAssert.Contains(error.Message, "data rows 1, 2, 3;");
        StringAssert.Contains(error.Message, "2026-03-01");
        StringAssert.Contains(error.Message, "label 'up'");
        StringAssert.Contains(error.Message, "EvaluationOptions.Folds");
        var cli = CrossModalML.Cli.Commands.FlagNames.Translate(error.Message);
        StringAssert.Contains(cli, "--folds");
        StringAssert.Contains(cli, "--time-split");
        Assert.IsFalse(cli.Contains("EvaluationOptions", StringComparison.Ordinal), cli);

        // Two folds make the first block four rows long, which still holds one class; the message is the same kind.
        Assert.ThrowsExactly<PostDataException>(() => new EvaluationOptions { Strategy = EvaluationStrategy.CrossValidation, Folds = 2, TimeColumn = "when" }.CreateSplits(data, 1));
        var hold = new EvaluationOptions { Strategy = EvaluationStrategy.HoldOut, TestFraction = 0.25, TimeColumn = "when" }.CreateSplits(data, 1);
        Assert.AreEqual(9, hold.Splits.Single().Train.Count);
    }

    [TestMethod]
    public void Too_few_rows_for_the_folds_is_an_error_that_says_how_many()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => DataSplitter.TimeOrderedFolds([1, 2, 3], 3));
        StringAssert.Contains(error.Message, "at least 4 rows");
    }

    [TestMethod]
    public void Evaluation_by_time_reads_the_timestamp_column_and_names_a_bad_row()
    {
        using var temp = new TempDirectory();
        var rows = Enumerable.Range(0, 12).Select(i => $"p{i}\tpost number {i}\t2026-03-{12 - i:00}T10:00:00Z\t{(i % 2 == 0 ? "up" : "down")}").ToList();
        temp.Write("posts.tsv", string.Join('\n', ["id\ttext\twhen\tmood", .. rows]));
        var data = PostDatasetLoader.Load(Path.Combine(temp.Path, "posts.tsv"), new PostLoadOptions { LabelColumn = "mood" });

        var (splits, description) = new EvaluationOptions { Strategy = EvaluationStrategy.HoldOut, TestFraction = 0.25, TimeColumn = "when" }.CreateSplits(data, seed: 1);
        CollectionAssert.AreEqual(new[] { 0, 1, 2 }, splits.Single().Test.ToArray(), "the file runs backwards in time: its first rows are the latest");
        StringAssert.Contains(description, "time-ordered hold-out");

        var both = new EvaluationOptions { TimeColumn = "when", GroupColumn = "id" };
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => both.CreateSplits(data, 1)).Message, "not both");

        rows[4] = "p4\tpost number 4\tlast tuesday\tup";
        temp.Write("bad.tsv", string.Join('\n', ["id\ttext\twhen\tmood", .. rows]));
        var bad = PostDatasetLoader.Load(Path.Combine(temp.Path, "bad.tsv"), new PostLoadOptions { LabelColumn = "mood", RoleOverrides = { ["when"] = ColumnRole.Categorical } });
        var error = Assert.ThrowsExactly<ArgumentException>(() => new EvaluationOptions { TimeColumn = "when" }.CreateSplits(bad, 1));
        StringAssert.Contains(error.Message, "row 5");
        StringAssert.Contains(error.Message, "'last tuesday'");
    }

    [TestMethod]
    public void A_search_with_a_time_split_scores_every_trial_on_later_posts()
    {
        using var temp = new TempDirectory();
        var rows = Enumerable.Range(0, 60).Select(i =>
            $"p{i}\t{(i % 2 == 0 ? "sunny lovely day" : "rainy grim night")} {i}\t2026-01-{1 + i % 28:00}T{i % 24:00}:00:00Z\t{(i % 2 == 0 ? "up" : "down")}").ToList();
        temp.Write("posts.tsv", string.Join('\n', ["id\ttext\twhen\tmood", .. rows]));
        var data = PostDatasetLoader.Load(Path.Combine(temp.Path, "posts.tsv"), new PostLoadOptions { LabelColumn = "mood" });
        var options = new CrossModalML.AutoML.AutoMLExperimentOptions { Budget = new() { MaxTrials = 2 }, Evaluation = { TimeColumn = "when", Folds = 3 } };

        var result = new CrossModalML.AutoML.AutoMLExperiment(new MLContext(1), options).Run(data);

        Assert.AreEqual(3, result.Search.Leaderboard[0].FoldScores.Count);
        StringAssert.Contains(result.Summary.Evaluation, "time-ordered 3-fold");
    }
}
