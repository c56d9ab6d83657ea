using CrossModalML.Data;
using CrossModalML.Featurization;
using CrossModalML.Tests.TestSupport;
using CrossModalML.Training;
using Microsoft.ML;
using CrossModalML.Evaluation;
using CrossModalML.Packaging;

namespace CrossModalML.Tests.Training;

[TestClass]
public sealed class CrossModalTrainerTests
{
    private static PostDataset LoadDemo() =>
        PostDatasetLoader.Load(RepositoryPaths.DemoPosts, new PostLoadOptions { LabelColumn = "sentiment" });

    private static EvaluationMetrics TrainOn(PostDataset data, Modality modalities, int seed = 1) =>
        new CrossModalTrainer(new MLContext(seed)).Train(data, new TrainingOptions
        {
            Seed = seed,
            Featurizer = new FeaturizerOptions { Modalities = modalities },
            Evaluation = { Strategy = EvaluationStrategy.HoldOut },
        }).Metrics!;

    [TestMethod]
    public void Fusion_beats_each_modality_alone_on_the_demo_set()
    {
        // The demo generator hides the sentiment of ~40% of posts in the text only and ~40% in the image only,
        // so neither modality alone can read them all.
        var data = LoadDemo();
        var text = TrainOn(data, Modality.Text);
        var image = TrainOn(data, Modality.Image);
        var all = TrainOn(data, Modality.All);

        Assert.IsTrue(all.Accuracy > text.Accuracy + 0.10, $"fused {all.Accuracy:0.000} vs text-only {text.Accuracy:0.000}");
        Assert.IsTrue(all.Accuracy > image.Accuracy + 0.10, $"fused {all.Accuracy:0.000} vs image-only {image.Accuracy:0.000}");
        Assert.IsTrue(all.MacroF1 > 0.75, $"fused macro-F1 {all.MacroF1:0.000}");
    }

    [TestMethod]
    public void The_same_seed_gives_the_same_metrics()
    {
        var data = LoadDemo().Select(Enumerable.Range(0, 600).ToList());
        var first = TrainOn(data, Modality.All, seed: 7);
        var second = TrainOn(data, Modality.All, seed: 7);
        Assert.AreEqual(first.Accuracy, second.Accuracy);
        Assert.AreEqual(first.LogLoss, second.LogLoss);
    }

    [TestMethod]
    public void Cross_validation_evaluates_every_row_once_and_refits_on_all_rows()
    {
        var data = LoadDemo().Select(Enumerable.Range(0, 500).ToList());
        var result = new CrossModalTrainer(new MLContext(1)).Train(data, new TrainingOptions
        {
            Evaluation = { Strategy = EvaluationStrategy.CrossValidation, Folds = 3 },
        });

        Assert.AreEqual(3, result.FoldMetrics.Count);
        Assert.AreEqual(500, result.FoldMetrics.Sum(f => f.Count));
        Assert.AreEqual(500, result.TrainingRows);
        StringAssert.Contains(result.EvaluationDescription, "3-fold");
    }

    [TestMethod]
    public void Regression_on_likes_reports_rmse_and_r2()
    {
        var data = PostDatasetLoader.Load(RepositoryPaths.DemoPosts, new PostLoadOptions
        {
            LabelColumn = "likes",
            Task = TaskKind.Regression,
            RoleOverrides = new Dictionary<string, ColumnRole> { ["shares"] = ColumnRole.Ignore },
        });
        var result = new CrossModalTrainer(new MLContext(1)).Train(data, new TrainingOptions { Evaluation = { Strategy = EvaluationStrategy.HoldOut } });

        Assert.AreEqual(TaskKind.Regression, result.Task);
        Assert.AreEqual(TrainerNames.LightGbm, result.Trainer.Name);
        Assert.IsTrue(result.Metrics!.RSquared > 0.2, $"R² {result.Metrics.RSquared:0.000}: the demo's likes depend on topic, user type and image");
        Assert.IsNull(result.Metrics.Accuracy);
    }

    [TestMethod]
    public void Cancelling_stops_the_run()
    {
        // Cancelled while the run is under way (as fold 2 of 3 starts): no later fold, no refit, and the save that
        // would follow the run never happens.
        using var temp = new TempDirectory();
        using var cancellation = new CancellationTokenSource();
        var steps = new List<string>();
        var progress = new SynchronousProgress<TrainingProgress>(p =>
        {
            steps.Add(p.Description);
            if (steps.Count == 2)
            {
                cancellation.Cancel();
            }
        });
        var data = LoadDemo();
        var options = new TrainingOptions { Evaluation = { Strategy = EvaluationStrategy.CrossValidation, Folds = 3 } };
        var ml = new MLContext(1);

        Assert.ThrowsExactly<OperationCanceledException>(() =>
        {
            var result = new CrossModalTrainer(ml).Train(data, options, progress: progress, cancellationToken: cancellation.Token);
            ModelPackage.Save(ml, temp.File("model.zip"), result.Model, data.DataView.Schema, result.ToManifest(data, options));
        });

        Assert.HasCount(2, steps, string.Join(" | ", steps));
        StringAssert.StartsWith(steps[1], "fold 2 of 3");
        Assert.IsFalse(steps.Any(s => s.Contains("refit", StringComparison.Ordinal)), string.Join(" | ", steps));
        Assert.IsFalse(Directory.EnumerateFileSystemEntries(temp.Path).Any(), "a cancelled run wrote a file");
    }

    [TestMethod]
    public void Class_weighting_raises_recall_of_a_rare_class()
    {
        var all = LoadDemo();
        var labels = all.GetLabels();
        int neutralKept = 0;
        var rows = Enumerable.Range(0, all.RowCount).Where(i => labels[i] != "neutral" || neutralKept++ < 90).ToList();
        var data = all.Select(rows);

        EvaluationMetrics Run(bool weighted) => new CrossModalTrainer(new MLContext(1)).Train(data, new TrainingOptions
        {
            Featurizer = new FeaturizerOptions { Modalities = Modality.Text },
            Trainer = new TrainerSpec(TrainerNames.LbfgsMaximumEntropy, new Dictionary<string, double> { [TrainerFactory.ClassWeightingParameter] = weighted ? 1 : 0 }),
            Evaluation = { Strategy = EvaluationStrategy.CrossValidation, Folds = 3 },
        }).Metrics!;

        double plain = Run(false).PerClass!.Single(c => c.Label == "neutral").Recall;
        double balanced = Run(true).PerClass!.Single(c => c.Label == "neutral").Recall;
        Assert.IsTrue(balanced > plain + 0.05, $"neutral recall {plain:0.000} unweighted vs {balanced:0.000} weighted");
    }
}
