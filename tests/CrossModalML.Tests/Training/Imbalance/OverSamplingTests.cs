using CrossModalML.Data;
using CrossModalML.Featurization;
using CrossModalML.Packaging;
using CrossModalML.Tests.TestSupport;
using CrossModalML.Training;
using CrossModalML.Training.Imbalance;
using Microsoft.ML;
using CrossModalML.Evaluation;

namespace CrossModalML.Tests.Training.Imbalance;

[TestClass]
public sealed class OverSamplingTests
{
    [TestMethod]
    public void Over_sampling_draws_only_from_the_given_rows_and_balances_their_classes()
    {
        string[] labels = ["a", "a", "a", "a", "a", "a", "b", "b", "c", "a", "b", "c"];
        int[] train = [0, 1, 2, 3, 4, 5, 6, 7, 8];

        var resampled = RandomOverSampler.Resample(labels, train, seed: 3);

        CollectionAssert.IsSubsetOf(resampled.Distinct().ToArray(), train, "rows outside the training rows were drawn");
        CollectionAssert.IsSubsetOf(train, resampled, "every training row stays");
        var counts = resampled.GroupBy(i => labels[i]).ToDictionary(g => g.Key, g => g.Count());
        Assert.AreEqual(6, counts["a"]);
        Assert.AreEqual(6, counts["b"]);
        Assert.AreEqual(6, counts["c"]);
        CollectionAssert.AreEqual(resampled, RandomOverSampler.Resample(labels, train, seed: 3), "the same seed gives the same draws");
    }

    [TestMethod]
    public void Over_sampling_touches_only_training_folds_and_lifts_the_rare_class()
    {
        var all = PostDatasetLoader.Load(RepositoryPaths.DemoPosts, new PostLoadOptions { LabelColumn = "sentiment" });
        var labels = all.GetLabels();
        var rows = Enumerable.Range(0, labels.Count).Where(i => labels[i] == "positive").Take(300)
            .Concat(Enumerable.Range(0, labels.Count).Where(i => labels[i] == "neutral").Take(40)).Order().ToList();
        var data = ImbalanceData.WriteSubset(rows, "rare-neutral.tsv");
        var textAndMetadata = new FeaturizerOptions { Modalities = Modality.Text | Modality.Metadata };
        var options = new TrainingOptions { OverSampling = true, Featurizer = textAndMetadata, Evaluation = { Strategy = EvaluationStrategy.CrossValidation, Folds = 3 } };

        var ml = new MLContext(1);
        var sampled = new CrossModalTrainer(ml).Train(data, options);
        var plain = new CrossModalTrainer(new MLContext(1)).Train(data, new TrainingOptions { Featurizer = textAndMetadata, Evaluation = { Strategy = EvaluationStrategy.CrossValidation, Folds = 3 } });

        // Each fold scores exactly its own test rows: no duplicated post reaches an evaluation.
        var splits = DataSplitter.KFold(data.GetLabels(), 3, options.Seed);
        CollectionAssert.AreEqual(splits.Select(s => s.Test.Count).ToArray(), sampled.FoldMetrics.Select(f => f.Count).ToArray());
        Assert.AreEqual(data.RowCount, sampled.Metrics!.Count);
        Assert.AreEqual(40, sampled.Metrics.PerClass!.Single(c => c.Label == "neutral").Support);

        double sampledRecall = sampled.Metrics.PerClass!.Single(c => c.Label == "neutral").Recall;
        double plainRecall = plain.Metrics!.PerClass!.Single(c => c.Label == "neutral").Recall;
        Assert.IsTrue(sampledRecall > plainRecall, $"rare-class recall {sampledRecall:0.000} with over-sampling vs {plainRecall:0.000} without");
        Assert.IsTrue(sampled.OverSampling);
        Assert.IsTrue(sampled.ToManifest(data, options).OverSampling);
    }
}
