using CrossModalML.AutoML;
using CrossModalML.Data;
using CrossModalML.Featurization;
using CrossModalML.Packaging;
using CrossModalML.Tests.TestSupport;
using CrossModalML.Training;
using Microsoft.ML;

namespace CrossModalML.Tests.AutoML;

[TestClass]
public sealed class RealSearchTests
{
    private static readonly Lazy<PostDataset> Subset = new(() =>
        PostDatasetLoader.Load(RepositoryPaths.DemoPosts, new PostLoadOptions { LabelColumn = "sentiment" }).Select(Enumerable.Range(0, 600).ToList()));

    [TestMethod]
    public void A_small_search_finishes_refits_and_is_at_least_as_good_as_the_default_trainer()
    {
        var data = Subset.Value;
        var options = new AutoMLExperimentOptions { Budget = new() { MaxTrials = 6, TrialTimeLimit = TimeSpan.FromSeconds(60) }, Seed = 1, Evaluation = { Folds = 3 } };
        var result = new AutoMLExperiment(new MLContext(1), options).Run(data);

        // The default trainer scored by the same runner: same folds, same cached features.
        var runner = new CachedFeatureTrialRunner(data, options.Featurizer, options.Evaluation, options.Seed);
        var defaultFolds = runner.Run(new TrialConfiguration(TrainerFactory.Default(data.Task), FeaturizerChoice.From(options.Featurizer)), CancellationToken.None);
        double defaultMacroF1 = defaultFolds.Average(f => f.MacroF1!.Value);

        Assert.AreEqual(6, result.Search.Trials.Count);
        Assert.AreEqual(600, result.Training.TrainingRows);
        Assert.IsGreaterThanOrEqualTo(defaultMacroF1, result.Summary.BestScore, $"search best {result.Summary.BestScore:0.000} vs default {defaultMacroF1:0.000}");
        Assert.AreEqual(result.Search.Best!.Configuration.Trainer, result.Training.Trainer);

        // The refit model is a full pipeline that scores raw posts.
        var metrics = new CrossModalTrainer(new MLContext(1)).Evaluate(result.Training.Model, data);
        Assert.IsGreaterThan(0.6, metrics.MacroF1!.Value, "the refit model fits its own training rows");

        var manifest = result.Training.ToManifest(data, result.TrainingOptions) with { Search = result.Summary };
        using var directory = new TempDirectory();
        var path = Path.Combine(directory.Path, "searched.zip");
        ModelPackage.Save(new MLContext(1), path, result.Training.Model, data.DataView.Schema, manifest);
        var read = ModelPackage.ReadManifest(path);
        Assert.AreEqual(result.Summary with { Trials = null }, read.Search! with { Trials = null }, "the manifest's search summary survives the round trip");
        Assert.AreEqual(6, read.Search.Trials!.Count, "every trial is recorded");
        CollectionAssert.AreEqual(result.Summary.Trials!.ToList(), read.Search.Trials.ToList(), "and each trial's configuration and score survive it");
    }
}
