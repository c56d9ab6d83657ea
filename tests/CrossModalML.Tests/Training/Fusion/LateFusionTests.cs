using CrossModalML.Data;
using CrossModalML.Featurization;
using CrossModalML.Packaging;
using CrossModalML.Prediction;
using CrossModalML.Tests.TestSupport;
using CrossModalML.Training;
using CrossModalML.Training.Fusion;
using Microsoft.ML;
using CrossModalML.Retraining;
using CrossModalML.Evaluation;

namespace CrossModalML.Tests.Training.Fusion;

/// <summary>Late fusion on the demo set, whose generator hides each post's sentiment in its text (40 %), its image (40 %) or both.</summary>
[TestClass]
public sealed class LateFusionTests
{
    private static readonly Lazy<(PostDataset Data, TrainingResult Result, string Path)> Fitted = new(FitLate, LazyThreadSafetyMode.ExecutionAndPublication);

    private static PostDataset Demo(int skip, int rows) =>
        PostDatasetLoader.Load(RepositoryPaths.DemoPosts, new PostLoadOptions { LabelColumn = "sentiment" }).Select(Enumerable.Range(skip, rows).ToList());

    private static (PostDataset, TrainingResult, string) FitLate()
    {
        var data = Demo(0, 900);
        var options = new TrainingOptions { Fusion = FusionKind.Auto, StackingFolds = 3, Evaluation = { Strategy = EvaluationStrategy.None } };
        var ml = new MLContext(1);
        var result = new CrossModalTrainer(ml).Train(data, options);
        var path = Path.Combine(Path.GetTempPath(), $"crossmodal-tests-{Guid.NewGuid():N}", "demo-late.zip");
        ModelPackage.Save(ml, path, result.Model, data.DataView.Schema, result.ToManifest(data, options));
        return (data, result, path);
    }

    [TestMethod]
    public void Late_fusion_beats_every_single_modality_and_gives_the_image_a_substantial_weight()
    {
        // The generator plants cues in text and image alike, so stacking the two beats their concatenation here.
        var fusion = Fitted.Value.Result.Fusion!;
        Assert.AreEqual(FusionKind.Late, fusion.Kind, fusion.Selection?.Reason);
        var weights = fusion.ModalityWeights.ToDictionary(w => w.Modality);
        CollectionAssert.AreEquivalent(new[] { Modality.Text, Modality.Image, Modality.Metadata }, weights.Keys.ToArray());
        Assert.AreEqual(1.0, weights.Values.Sum(w => w.Weight), 1e-9);

        // All figures are out-of-fold on the training rows: each modality's own model, and the cross-validated stacker.
        double late = fusion.Validation!.MacroF1!.Value;
        double weakest = weights.Values.Min(w => w.Validation.MacroF1!.Value);
        double strongest = weights.Values.Max(w => w.Validation.MacroF1!.Value);
        Assert.IsTrue(late > weakest + 0.3, $"late {late:0.000} vs weakest modality {weakest:0.000}");
        Assert.IsTrue(late > strongest + 0.1, $"late {late:0.000} vs strongest modality {strongest:0.000}");
        Assert.IsTrue(weights[Modality.Image].Weight > 0.3, $"image weight {weights[Modality.Image].Weight:0.000}");
        Assert.IsTrue(weights[Modality.Text].Weight > 0.3, $"text weight {weights[Modality.Text].Weight:0.000}");
        Assert.IsTrue(weights[Modality.Metadata].Weight < 0.15, $"metadata carries no sentiment, weight {weights[Modality.Metadata].Weight:0.000}");
    }

    [TestMethod]
    public void A_late_fusion_zip_loads_in_the_predictor_and_scores_like_the_fitted_model()
    {
        var (data, result, path) = Fitted.Value;
        var posts = Demo(900, 60);
        var expected = ScoredOutput.ReadProbabilities(result.Model.Transform(posts.DataView), TaskKind.Multiclass, 3);

        using var predictor = CrossModalPredictor.Load(path);
        Assert.AreEqual(FusionKind.Late, predictor.Manifest.FittedFusion());
        CollectionAssert.AreEqual(
            result.Fusion!.ModalityWeights.Select(w => w.Weight).ToArray(),
            predictor.Manifest.Fusion!.ModalityWeights.Select(w => w.Weight).ToArray());

        var batch = predictor.Predict(posts);
        for (int i = 0; i < posts.RowCount; i++)
        {
            for (int c = 0; c < data.ClassLabels.Count; c++)
            {
                Assert.AreEqual(expected[i][c], batch[i].Probabilities[data.ClassLabels[c]], 1e-5f, $"post {i}, class {data.ClassLabels[c]}");
            }
        }

        // The single-post path (pooled engine) goes through the same chain.
        var row = posts.Columns.Where(c => c.Role != ColumnRole.Label).ToDictionary(c => c.Name, c => (string?)posts.GetColumnValues(c.Name)[0]);
        Assert.AreEqual(batch[0].PredictedLabel, predictor.Predict(row).PredictedLabel);
    }

    [TestMethod]
    public void Per_post_contributions_follow_the_stacker_and_the_image_drives_some_posts()
    {
        var (_, _, path) = Fitted.Value;
        var posts = Demo(900, 200);
        using var predictor = CrossModalPredictor.Load(path);
        var predictions = predictor.Predict(posts);
        var contributions = predictor.ExplainModalities(posts);

        Assert.AreEqual(posts.RowCount, contributions.Count);
        int agree = predictions.Zip(contributions).Count(p => p.First.PredictedLabel == p.Second.TowardClass);
        Assert.IsTrue(agree >= posts.RowCount - 2, $"the contributions' class matches the prediction for {agree} of {posts.RowCount} posts");
        int imageLed = contributions.Count(c => c.Strongest == Modality.Image);
        int textLed = contributions.Count(c => c.Strongest == Modality.Text);
        Assert.IsTrue(imageLed > posts.RowCount / 5, $"image strongest for {imageLed} posts");
        Assert.IsTrue(textLed > posts.RowCount / 5, $"text strongest for {textLed} posts");
    }

    [TestMethod]
    public void Retraining_a_late_fusion_model_refits_late_fusion_from_its_manifest()
    {
        var (_, _, path) = Fitted.Value;
        var output = Path.Combine(Path.GetDirectoryName(path)!, "demo-late-retrained.zip");
        var result = ModelRetrainer.Retrain(path, Demo(900, 300), output, new RetrainingOptions { TestFraction = 0.2 });

        Assert.AreEqual(FusionKind.Late, result.Manifest.FittedFusion());
        Assert.AreEqual(3, result.Manifest.Fusion!.StackingFolds);
        Assert.AreEqual(3, result.Manifest.Fusion.ModalityWeights.Count);
        Assert.IsTrue(result.NewMetrics.MacroF1 > 0.6, $"retrained macro-F1 {result.NewMetrics.MacroF1:0.000}");
        using var predictor = CrossModalPredictor.Load(output);
        Assert.AreEqual(FusionKind.Late, predictor.Manifest.FittedFusion());
    }

    [TestMethod]
    public void Auto_fusion_records_both_scores_and_keeps_the_better()
    {
        var fusion = Fitted.Value.Result.Fusion!;
        var selection = fusion.Selection!;
        Assert.AreEqual(FusionKind.Auto, fusion.Requested);
        Assert.AreEqual(selection.LateScore > selection.EarlyScore ? FusionKind.Late : FusionKind.Early, fusion.Kind);
        Assert.AreEqual(selection.Chosen, fusion.Kind);
        Assert.AreEqual(selection.Early.MacroF1!.Value, selection.EarlyScore, 1e-12);
        Assert.AreEqual(selection.Late.MacroF1!.Value, selection.LateScore, 1e-12);
        StringAssert.Contains(selection.Reason, "fusion wins");
        Assert.AreEqual(900, selection.Late.Count);
    }

    [TestMethod]
    public void Late_fusion_with_a_single_modality_is_refused_before_fitting()
    {
        var data = Demo(0, 100);
        var error = Assert.ThrowsExactly<ArgumentException>(() => new CrossModalTrainer(new MLContext(1)).Train(data, new TrainingOptions
        {
            Fusion = FusionKind.Late,
            Featurizer = { Modalities = Modality.Text },
        }));
        StringAssert.Contains(error.Message, "at least two modalities");
    }
}
