using CrossModalML.AutoML;
using CrossModalML.Data;
using CrossModalML.Evaluation;
using CrossModalML.Packaging;
using CrossModalML.Tests.TestSupport;
using CrossModalML.Training;
using Microsoft.ML;

namespace CrossModalML.Tests.FrontDoor;

[TestClass]
public sealed class CrossModalCatalogTests
{
    private static readonly Lazy<PostDataset> Demo = new(() =>
        PostDatasetLoader.Load(RepositoryPaths.DemoPosts, new PostLoadOptions { LabelColumn = "sentiment" }).Select(Enumerable.Range(0, 300).ToList()));

    [TestMethod]
    public void A_context_has_one_catalog_and_another_context_another()
    {
        var ml = new MLContext(seed: 1);
        Assert.AreSame(ml.CrossModal(), ml.CrossModal());
        Assert.AreNotSame(ml.CrossModal(), new MLContext(seed: 1).CrossModal());
    }

    [TestMethod]
    public void The_catalog_takes_its_seed_from_the_context()
    {
        Assert.AreEqual(1, new MLContext(seed: 1).CrossModal().Seed);
        Assert.AreEqual(42, new MLContext(seed: 42).CrossModal().Seed);
        Assert.AreEqual(42, ContextSeed.Read(new MLContext(seed: 42)), "the seed is read from ML.NET's environment, not drawn");
        Assert.IsNull(ContextSeed.Read(new MLContext()), "a context made without a seed has none to read");
        var unseeded = new MLContext().CrossModal();
        Assert.AreEqual(unseeded.Seed, unseeded.Seed, "a drawn seed is drawn once per catalog");
    }

    [TestMethod]
    public void A_fit_through_the_front_door_with_seed_1_equals_the_trainer_with_seed_1()
    {
        var data = Demo.Value;
        using var model = new MLContext(seed: 1).CrossModal().Fit(data, new TrainingOptions { Seed = 99 });
        var old = new CrossModalTrainer(new MLContext(1)).Train(data, new TrainingOptions());

        AssertSameMetrics(old.Metrics!, model.Metrics!);
        Assert.AreEqual(1, model.Manifest.Seed, "the context's seed replaces the options' seed");
        Assert.IsNull(model.Leaderboard);
    }

    [TestMethod]
    public void Two_seeds_give_their_seeds_in_the_manifest()
    {
        var data = Demo.Value;
        var holdOut = new TrainingOptions { Evaluation = { Strategy = EvaluationStrategy.HoldOut } };
        using var five = new MLContext(seed: 5).CrossModal().Fit(data, holdOut);
        using var nine = new MLContext(seed: 9).CrossModal().Fit(data, holdOut);

        Assert.AreEqual(5, five.Manifest.Seed);
        Assert.AreEqual(9, nine.Manifest.Seed);
        Assert.AreEqual(1, holdOut.Seed, "the caller's options are not changed");
    }

    [TestMethod]
    public void A_search_with_a_trial_budget_equals_the_experiment_with_the_same_seed()
    {
        var data = Demo.Value;
        var budget = new SearchBudget { MaxTrials = 2 };
        using var model = new MLContext(seed: 1).CrossModal().Search(data, budget, new AutoMLExperimentOptions { SearchFeaturizer = false });
        var old = new AutoMLExperiment(new MLContext(1), new AutoMLExperimentOptions { Budget = budget, Seed = 1, SearchFeaturizer = false }).Run(data);

        CollectionAssert.AreEqual(old.Search.Leaderboard.Select(t => t.Score).ToList(), model.Leaderboard!.Select(t => t.Score).ToList());
        AssertSameMetrics(old.Training.Metrics!, model.Metrics!);
        Assert.AreEqual(2, model.Manifest.Search!.TrialsRun);
        Assert.AreEqual(old.Training.Trainer, model.SearchResult!.Training.Trainer);
    }

    [TestMethod]
    public void The_fast_preset_is_the_single_fit_and_a_budget_without_time_or_trials_is_refused()
    {
        var data = Demo.Value;
        var catalog = new MLContext(seed: 1).CrossModal();
        using var fast = catalog.Search(data, QualityPreset.Fast);
        using var fit = catalog.Fit(data);

        Assert.IsNotNull(fast.TrainingResult);
        Assert.IsNull(fast.Leaderboard);
        AssertSameMetrics(fit.Metrics!, fast.Metrics!);
        var error = Assert.ThrowsExactly<ArgumentException>(() => catalog.Search(data, new SearchBudget { Tuner = TunerKind.Random }));
        StringAssert.Contains(error.Message, "SearchBudget.MaxTrials");
    }

    [TestMethod]
    public void A_saved_model_loads_back_and_an_unsaved_one_predicts_the_same()
    {
        using var temp = new TempDirectory();
        var catalog = new MLContext(seed: 1).CrossModal();
        using var model = catalog.Fit(Demo.Value, new TrainingOptions { Evaluation = { Strategy = EvaluationStrategy.HoldOut } });
        var post = new Dictionary<string, string?> { ["text"] = "What a wonderful morning, best coffee ever :)", ["likes"] = "42" };
        using var unsaved = model.CreatePredictor();
        Assert.IsNull(model.FilePath, "an unsaved model has no file, even after a predictor was made from it");

        model.Save(temp.File("model.zip"));
        using var loaded = catalog.LoadModel(temp.File("model.zip"));
        using var fromFile = catalog.LoadPredictor(temp.File("model.zip"));

        Assert.AreEqual(temp.File("model.zip"), model.FilePath);
        Assert.AreEqual(model.Manifest.Trainer, loaded.Manifest.Trainer);
        Assert.AreEqual(model.Metrics!.MacroF1, loaded.Metrics!.MacroF1);
        Assert.IsNull(loaded.TrainingResult, "a loaded model has no training run behind it");
        var expected = fromFile.Predict(post);
        var actual = unsaved.Predict(post);
        Assert.AreEqual(expected.PredictedLabel, actual.PredictedLabel);
        foreach (var (label, probability) in expected.Probabilities)
        {
            Assert.AreEqual(probability, actual.Probabilities[label], 1e-6);
        }
    }

    private static void AssertSameMetrics(EvaluationMetrics expected, EvaluationMetrics actual)
    {
        Assert.AreEqual(expected.Count, actual.Count);
        Assert.AreEqual(expected.Accuracy, actual.Accuracy);
        Assert.AreEqual(expected.MacroF1, actual.MacroF1);
        Assert.AreEqual(expected.LogLoss, actual.LogLoss);
    }
}
