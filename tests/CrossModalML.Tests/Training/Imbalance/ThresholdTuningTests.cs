using CrossModalML.Data;
using CrossModalML.Packaging;
using CrossModalML.Prediction;
using CrossModalML.Tests.TestSupport;
using CrossModalML.Training;
using CrossModalML.Training.Imbalance;
using Microsoft.ML;
using CrossModalML.Evaluation;

namespace CrossModalML.Tests.Training.Imbalance;

[TestClass]
public sealed class ThresholdTuningTests
{
    /// <summary>Demo posts as a binary task, negative against a rare neutral class (about one in eight).</summary>
    private static PostDataset ImbalancedBinary()
    {
        var all = PostDatasetLoader.Load(RepositoryPaths.DemoPosts, new PostLoadOptions { LabelColumn = "sentiment" });
        var labels = all.GetLabels();
        var negatives = Enumerable.Range(0, labels.Count).Where(i => labels[i] == "negative").Take(420);
        var neutrals = Enumerable.Range(0, labels.Count).Where(i => labels[i] == "neutral").Take(60);
        var rows = negatives.Concat(neutrals).Order().ToList();
        return ImbalanceData.WriteSubset(rows, "binary.tsv");
    }

    [TestMethod]
    public void The_tuner_lowers_the_threshold_when_the_rare_class_scores_below_one_half()
    {
        // 20 positives scoring 0.30-0.49, 80 negatives scoring 0.00-0.39: at 0.5 nothing is positive.
        var truth = Enumerable.Repeat(1, 20).Concat(Enumerable.Repeat(0, 80)).ToList();
        var scores = Enumerable.Range(0, 20).Select(i => 0.30f + i * 0.01f).Concat(Enumerable.Range(0, 80).Select(i => i * 0.005f)).ToList();

        var tuning = ThresholdTuner.Tune(truth, scores, ClassificationObjective.MacroF1);

        Assert.IsTrue(tuning.Threshold < 0.40 && tuning.Threshold > 0.30, $"threshold {tuning.Threshold}");
        Assert.IsTrue(tuning.ScoreAtThreshold > tuning.ScoreAtDefault + 0.3, $"{tuning.ScoreAtThreshold} vs {tuning.ScoreAtDefault}");
        Assert.AreEqual(tuning.ScoreAtThreshold, ThresholdTuner.Evaluate(truth, scores, tuning.Threshold, ClassificationObjective.MacroF1), 1e-12);
        var metrics = MetricsCalculator.Classification(["no", "yes"], truth, scores.Select(p => new[] { 1 - p, p }).ToList(), tuning.Threshold);
        Assert.AreEqual(tuning.ScoreAtThreshold, metrics.MacroF1!.Value, 1e-9);
    }

    [TestMethod]
    public void The_tuner_keeps_one_half_when_no_cut_is_better()
    {
        var truth = new[] { 0, 0, 1, 1 };
        var scores = new[] { 0.1f, 0.2f, 0.8f, 0.9f };
        var tuning = ThresholdTuner.Tune(truth, scores, ClassificationObjective.Accuracy);
        Assert.AreEqual(0.5, tuning.Threshold, 1e-12);
        Assert.AreEqual(1.0, tuning.ScoreAtThreshold);
    }

    [TestMethod]
    public void Tuning_on_an_imbalanced_binary_task_moves_the_threshold_and_improves_held_out_macro_f1()
    {
        var data = ImbalancedBinary();
        var split = DataSplitter.StratifiedHoldOut(data.GetLabels(), 0.3, 1);
        var train = data.Select(split.Train);
        var test = data.Select(split.Test);
        var ml = new MLContext(1);
        var options = new TrainingOptions { TuneDecisionThreshold = true, StackingFolds = 3, Evaluation = { Strategy = EvaluationStrategy.None } };
        var trainer = new CrossModalTrainer(ml);
        var result = trainer.Train(train, options);

        var tuning = result.DecisionThreshold!;
        Assert.AreNotEqual(0.5, tuning.Threshold, 0.05, "the threshold should move away from 0.5");
        Assert.IsTrue(tuning.ScoreAtThreshold > tuning.ScoreAtDefault, $"out-of-fold {tuning.ScoreAtThreshold:0.000} vs {tuning.ScoreAtDefault:0.000}");
        double tuned = trainer.Evaluate(result.Model, test, tuning.Threshold).MacroF1!.Value;
        double untuned = trainer.Evaluate(result.Model, test).MacroF1!.Value;
        Assert.IsTrue(tuned > untuned, $"held-out macro-F1 {tuned:0.000} with the tuned threshold vs {untuned:0.000} at 0.5");

        // The manifest carries the threshold and the predictor applies it.
        var path = Path.Combine(Path.GetTempPath(), $"crossmodal-tests-{Guid.NewGuid():N}", "tuned.zip");
        ModelPackage.Save(ml, path, result.Model, train.DataView.Schema, result.ToManifest(train, options));
        using var predictor = CrossModalPredictor.Load(path);
        Assert.AreEqual(tuning.Threshold, predictor.Manifest.DecisionThreshold!.Threshold);
        string positive = train.ClassLabels[1], negative = train.ClassLabels[0];
        var predictions = predictor.Predict(test);
        Assert.IsTrue(predictions.All(p => p.PredictedLabel == (p.Probabilities[positive] >= tuning.Threshold ? positive : negative)));
        Assert.AreEqual(tuned, predictor.Evaluate(test).MacroF1!.Value, 1e-9);
    }

    [TestMethod]
    public void Threshold_tuning_is_refused_for_a_multiclass_task()
    {
        var data = PostDatasetLoader.Load(RepositoryPaths.DemoPosts, new PostLoadOptions { LabelColumn = "sentiment" }).Select(Enumerable.Range(0, 100).ToList());
        var error = Assert.ThrowsExactly<ArgumentException>(() => new CrossModalTrainer(new MLContext(1)).Train(data, new TrainingOptions { TuneDecisionThreshold = true }));
        StringAssert.Contains(error.Message, "binary");
    }
}
