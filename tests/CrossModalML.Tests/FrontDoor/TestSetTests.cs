using CrossModalML.AutoML;
using CrossModalML.Data;
using CrossModalML.Evaluation;
using CrossModalML.Tests.TestSupport;
using CrossModalML.Training;
using Microsoft.ML;

namespace CrossModalML.Tests.FrontDoor;

/// <summary>Training through the front door and measuring on separate test posts instead of a split.</summary>
[TestClass]
public sealed class TestSetTests
{
    private static readonly Lazy<PostDataset> Demo = new(() =>
        PostDatasetLoader.Load(RepositoryPaths.DemoPosts, new PostLoadOptions { LabelColumn = "sentiment" }));

    private static PostDataset Train => Demo.Value.Select(Enumerable.Range(0, 240).ToList());

    private static PostDataset Test => Demo.Value.Select(Enumerable.Range(240, 120).ToList());

    [TestMethod]
    public void A_fit_with_a_test_set_equals_the_trainer_given_that_test_set()
    {
        var (train, test) = (Train, Test);
        using var model = new MLContext(seed: 1).CrossModal().Fit(train, test, new TrainingOptions { Seed = 7 });
        var old = new CrossModalTrainer(new MLContext(1)).Train(train, new TrainingOptions(), test);

        AssertSameMetrics(old.Metrics!, model.Metrics!);
        Assert.AreEqual("separate test set (120 rows)", model.Manifest.Evaluation);
        Assert.AreEqual(240, model.TrainingResult!.TrainingRows, "every training post is fitted; none is held out");
        Assert.AreEqual(1, model.Manifest.Seed);
        AssertSameMetrics(model.Metrics!, model.Evaluate(test));
    }

    [TestMethod]
    public void A_search_with_a_test_set_records_the_winners_metrics_on_it_and_keeps_its_search()
    {
        var (train, test) = (Train, Test);
        var catalog = new MLContext(seed: 1).CrossModal();
        var budget = new SearchBudget { MaxTrials = 2 };
        var options = new AutoMLExperimentOptions { SearchFeaturizer = false };
        using var plain = catalog.Search(train, budget, options);
        using var tested = catalog.Search(train, test, budget, options);

        CollectionAssert.AreEqual(plain.Leaderboard!.Select(t => t.Score).ToList(), tested.Leaderboard!.Select(t => t.Score).ToList());
        Assert.AreEqual(2, tested.Manifest.Search!.TrialsRun);
        Assert.AreEqual("separate test set (120 rows)", tested.Manifest.Evaluation);
        var onTest = plain.Evaluate(test);
        AssertSameMetrics(onTest, tested.Metrics!);
        Assert.AreNotEqual(plain.Metrics!.Count, tested.Metrics!.Count, "the search's own evaluation is replaced");
        Assert.AreEqual(120, tested.Metrics!.Count);
        AssertSameMetrics(plain.SearchResult!.Training.Metrics!, plain.Metrics!);
    }

    private static void AssertSameMetrics(EvaluationMetrics expected, EvaluationMetrics actual)
    {
        Assert.AreEqual(expected.Count, actual.Count);
        Assert.AreEqual(expected.Accuracy, actual.Accuracy);
        Assert.AreEqual(expected.MacroF1, actual.MacroF1);
        Assert.AreEqual(expected.LogLoss, actual.LogLoss);
    }
}
