using CrossModalML.AutoML;
using CrossModalML.Data;
using CrossModalML.Packaging;
using CrossModalML.Tests.TestSupport;
using CrossModalML.Training;
using CrossModalML.Training.Fusion;
using Microsoft.ML;
using CrossModalML.Evaluation;

namespace CrossModalML.Tests.AutoML;

[TestClass]
public sealed class AutoMLFusionTests
{
    [TestMethod]
    public void A_search_with_auto_fusion_compares_early_and_late_after_the_search_and_records_the_winner()
    {
        var data = PostDatasetLoader.Load(RepositoryPaths.DemoPosts, new PostLoadOptions { LabelColumn = "sentiment" }).Select(Enumerable.Range(0, 300).ToList());
        var options = new AutoMLExperimentOptions
        {
            Budget = new SearchBudget { MaxTrials = 1 },
            Seed = 1,
            SearchFeaturizer = false,
            Fusion = FusionKind.Auto,
            StackingFolds = 3,
            Evaluation = { Strategy = EvaluationStrategy.HoldOut },
        };

        var result = new AutoMLExperiment(new MLContext(1), options).Run(data);

        var fusion = result.Training.Fusion!;
        var selection = fusion.Selection!;
        Assert.AreEqual(FusionKind.Auto, fusion.Requested);
        Assert.AreEqual(selection.Chosen, fusion.Kind);
        Assert.AreEqual(result.Search.Best!.Configuration.Trainer, result.Training.Trainer, "the comparison refits the search winner's trainer");
        StringAssert.Contains(result.Training.EvaluationDescription, selection.Reason);
        if (fusion.Kind == FusionKind.Late)
        {
            Assert.AreSame(fusion.Validation, result.Training.Metrics, "a late winner reports the late fusion's own validation");
        }

        var manifest = result.Training.ToManifest(data, result.TrainingOptions) with { Search = result.Summary };
        Assert.AreEqual(fusion.Kind, manifest.FittedFusion());
        Assert.AreEqual(selection.LateScore, manifest.Fusion!.Selection!.LateScore);
    }
}
