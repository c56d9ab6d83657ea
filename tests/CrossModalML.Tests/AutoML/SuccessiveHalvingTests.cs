using CrossModalML.AutoML;
using CrossModalML.Data;
using CrossModalML.Evaluation;
using CrossModalML.Featurization;
using CrossModalML.Packaging;
using CrossModalML.Tests.TestSupport;
using Microsoft.ML;

namespace CrossModalML.Tests.AutoML;

[TestClass]
public sealed class SuccessiveHalvingTests
{
    private static readonly Lazy<PostDataset> Demo = new(() =>
        PostDatasetLoader.Load(RepositoryPaths.DemoPosts, new PostLoadOptions { LabelColumn = "sentiment" }));

    [TestMethod]
    public void Searches_under_three_smallest_samples_use_every_row()
    {
        CollectionAssert.AreEqual(new[] { 29_999 }, SuccessiveHalving.SampleSizes(29_999, 100_000, 10_000).ToArray());
        CollectionAssert.AreEqual(new[] { 3_000 }, SuccessiveHalving.SampleSizes(3_000, 100_000, 10_000).ToArray());
    }

    [TestMethod]
    public void Sample_sizes_grow_threefold_up_to_the_trial_row_limit()
    {
        CollectionAssert.AreEqual(new[] { 10_000, 30_000 }, SuccessiveHalving.SampleSizes(30_000, 100_000, 10_000).ToArray());
        CollectionAssert.AreEqual(new[] { 11_111, 33_333, 100_000 }, SuccessiveHalving.SampleSizes(300_000, 100_000, 10_000).ToArray());
        CollectionAssert.AreEqual(new[] { 50_000 }, SuccessiveHalving.SampleSizes(300_000, 50_000, 60_000).ToArray(), "a limit below the smallest sample is one sample");
    }

    [TestMethod]
    public void A_trial_on_more_rows_ranks_above_a_better_score_on_fewer()
    {
        var small = Trial(1, 0.9, 100);
        var large = Trial(2, 0.7, 300);
        var all = Trial(3, 0.5, null);

        CollectionAssert.AreEqual(new[] { 3, 2, 1 }, Leaderboard.Rank([small, large, all]).Select(t => t.Number).ToArray());
    }

    [TestMethod]
    public void The_best_third_of_each_sample_moves_up_to_a_larger_sample_that_contains_it()
    {
        var data = Demo.Value;
        var samples = new List<PostDataset>();
        var options = new AutoMLExperimentOptions { Budget = new() { MaxTrials = 18, TrialTimeLimit = TimeSpan.FromSeconds(30) }, Seed = 1 };
        var halving = new SuccessiveHalving(options, sample =>
        {
            samples.Add(sample);
            return FakeTrialRunner.Bowl();
        });

        var result = halving.Run(data, [100, 300, 900], SyntheticObjective.Space, new CfoTuner(SyntheticObjective.Space, 1), AutoMLMetric.MacroF1, null, CancellationToken.None, null);

        CollectionAssert.AreEqual(new[] { 100, 300, 900 }, samples.Select(s => s.RowCount).ToArray());
        var ids = samples.Select(s => s.GetColumnValues("id").ToHashSet()).ToList();
        Assert.IsTrue(ids[0].IsSubsetOf(ids[1]) && ids[1].IsSubsetOf(ids[2]), "each sample contains the smaller ones");

        var bySample = result.Trials.GroupBy(t => t.SampleRows!.Value).ToDictionary(g => g.Key, g => g.ToList());
        Assert.AreEqual(18, bySample[100].Count, "MaxTrials counts the tuner's trials on the smallest sample");
        var bestSix = bySample[100].OrderBy(t => t.Loss).Take(6).Select(t => t.Configuration).ToList();
        CollectionAssert.AreEquivalent(bestSix, bySample[300].Select(t => t.Configuration).ToList());
        var bestTwo = bySample[300].OrderBy(t => t.Loss).Take(2).Select(t => t.Configuration).ToList();
        CollectionAssert.AreEquivalent(bestTwo, bySample[900].Select(t => t.Configuration).ToList());
        Assert.AreEqual(26, result.Trials.Count);
        CollectionAssert.AreEqual(Enumerable.Range(1, 26).ToArray(), result.Trials.Select(t => t.Number).ToArray());
        Assert.AreEqual(900, result.Best!.SampleRows);
        Assert.AreEqual(bySample[900].Min(t => t.Loss), result.Best.Loss);
    }

    [TestMethod]
    public void A_time_budget_is_shared_among_the_samples()
    {
        var options = new AutoMLExperimentOptions { Budget = new() { Time = TimeSpan.FromMilliseconds(900), TrialTimeLimit = TimeSpan.FromSeconds(30) }, Seed = 1 };
        var halving = new SuccessiveHalving(options, _ => new FakeTrialRunner((c, _) =>
        {
            Thread.Sleep(20);
            return 1 / (1 + SyntheticObjective.Loss(FakeTrialRunner.Point(c)));
        }));

        var result = halving.Run(Demo.Value, [100, 300, 900], SyntheticObjective.Space, new CfoTuner(SyntheticObjective.Space, 1), AutoMLMetric.MacroF1, null, CancellationToken.None, null);

        Assert.IsTrue(result.Trials.Any(t => t.SampleRows == 300), "the first sample's third of the budget leaves time for the larger samples");
        Assert.IsLessThan(3, result.Elapsed.TotalSeconds, "the search ends near its budget");
    }

    [TestMethod]
    public void A_sampled_search_refits_its_winner_on_every_row()
    {
        var options = new AutoMLExperimentOptions
        {
            Budget = new() { MaxTrials = 4, TrialTimeLimit = TimeSpan.FromSeconds(120) },
            Seed = 1,
            Evaluation = { Folds = 3 },
            TrialRowLimit = 900,
            SmallestSampleRows = 300,
        };
        var reported = new List<TrialResult>();
        var result = new AutoMLExperiment(new MLContext(1), options).Run(Demo.Value, new SynchronousProgress<TrialResult>(reported.Add));

        Assert.AreEqual(3_000, result.Training.TrainingRows);
        CollectionAssert.AreEqual(new int?[] { 300, 300, 300, 300, 900, 900 }, result.Search.Trials.Select(t => t.SampleRows).ToArray());
        Assert.AreEqual(900, result.Search.Best!.SampleRows);
        Assert.AreEqual(result.Search.Best.Configuration.Trainer, result.Training.Trainer);
        StringAssert.Contains(result.Summary.Evaluation, "on a sample of 900 of 3,000 rows");
        Assert.IsTrue(reported.All(t => t.SampleRows is 300 or 900), "progress reports carry the sample size");
    }

    private static TrialResult Trial(int number, double score, int? rows) => new()
    {
        Number = number,
        Point = new SearchPoint("Fake", new Dictionary<string, double>()),
        Configuration = new TrialConfiguration(new TrainerSpec("Fake", new Dictionary<string, double>()), FeaturizerChoice.From(new())),
        Status = TrialStatus.Completed,
        Metric = AutoMLMetric.MacroF1,
        Score = score,
        Loss = -score,
        SampleRows = rows,
    };
}
