using CrossModalML.Data;
using CrossModalML.Packaging;
using CrossModalML.Prediction;
using CrossModalML.Tests.TestSupport;
using CrossModalML.Training;
using CrossModalML.Training.Imbalance;
using Microsoft.ML;
using Microsoft.ML.Data;
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

    /// <summary>One tuned fit on 70 % of <see cref="ImbalancedBinary"/>, shared by the tests that only read it.</summary>
    private static readonly Lazy<(PostDataset Train, PostDataset Test, MLContext Ml, TrainingOptions Options, TrainingResult Result)> Tuned = new(() =>
    {
        var data = ImbalancedBinary();
        var split = DataSplitter.StratifiedHoldOut(data.GetLabels(), 0.3, 1);
        var train = data.Select(split.Train);
        var ml = new MLContext(1);
        var options = new TrainingOptions { TuneDecisionThreshold = true, StackingFolds = 3, Evaluation = { Strategy = EvaluationStrategy.None } };
        return (train, data.Select(split.Test), ml, options, new CrossModalTrainer(ml).Train(train, options));
    });

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
        var (train, test, ml, options, result) = Tuned.Value;
        var trainer = new CrossModalTrainer(ml);

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
    public void Plain_MLNet_the_predictor_and_evaluate_take_the_same_decision_from_a_saved_tuned_model_and_an_older_zip_scores_as_before()
    {
        var (train, test, ml, options, result) = Tuned.Value;
        double threshold = result.DecisionThreshold!.Threshold;
        string negative = train.ClassLabels[0], positive = train.ClassLabels[1];
        var truth = test.GetLabels();
        var folder = Path.Combine(Path.GetTempPath(), $"crossmodal-tests-{Guid.NewGuid():N}");
        var manifest = result.ToManifest(train, options);
        Assert.IsTrue(manifest.DecisionThresholdInModel);

        var path = Path.Combine(folder, "tuned.zip");
        ModelPackage.Save(ml, path, result.Model, train.DataView.Schema, manifest);
        var plain = PlainPredictedLabels(path, test).Select(b => b ? positive : negative).ToList();
        using (var predictor = CrossModalPredictor.Load(path))
        {
            var predictions = predictor.Predict(test);
            CollectionAssert.AreEqual(plain, predictions.Select(p => p.PredictedLabel).ToList(), "plain ML.NET and the predictor disagree");
            Assert.IsTrue(
                predictions.Any(p => p.Probabilities[positive] >= threshold != p.Probabilities[positive] >= 0.5f),
                $"no test post lies between the tuned threshold {threshold:0.000} and 0.5, so the test cannot tell them apart");
            Assert.AreEqual(Accuracy(plain, truth), predictor.Evaluate(test).Accuracy!.Value, 1e-12, "evaluate does not count the chain's decisions");
        }

        // A zip saved before the threshold moved into the chain: the same model without the step, and a manifest that
        // says so. Its own PredictedLabel still cuts at 0.5; the predictor and evaluate apply the manifest's threshold.
        var withoutStep = ((TransformerChain<ITransformer>)result.Model).First();
        var oldPath = Path.Combine(folder, "old.zip");
        ModelPackage.Save(ml, oldPath, withoutStep, train.DataView.Schema, manifest with { DecisionThresholdInModel = false });
        Assert.IsFalse(ModelPackage.ReadManifest(oldPath).DecisionThresholdInModel);
        var oldPlain = PlainPredictedLabels(oldPath, test).Select(b => b ? positive : negative).ToList();
        CollectionAssert.AreNotEqual(plain, oldPlain, "the older zip's own PredictedLabel should still cut at 0.5");
        using (var predictor = CrossModalPredictor.Load(oldPath))
        {
            CollectionAssert.AreEqual(plain, predictor.Predict(test).Select(p => p.PredictedLabel).ToList(), "the older zip scores differently");
            Assert.AreEqual(Accuracy(plain, truth), predictor.Evaluate(test).Accuracy!.Value, 1e-12);
        }
    }

    /// <summary>The zip's own <c>PredictedLabel</c> for each post, as an app using only ML.NET (plus the registration) reads it.</summary>
    private static List<bool> PlainPredictedLabels(string path, PostDataset posts)
    {
        var ml = new MLContext(1);
        CrossModalRegistration.Register(ml);
        var model = ml.Model.Load(path, out _);
        return model.Transform(posts.DataView).GetColumn<bool>(ModelColumns.PredictedLabel).ToList();
    }

    private static double Accuracy(IReadOnlyList<string> predicted, IReadOnlyList<string> truth) =>
        (double)predicted.Where((label, row) => label == truth[row]).Count() / truth.Count;

    [TestMethod]
    public void With_a_time_split_the_threshold_is_tuned_on_forward_chained_out_of_fold_predictions_and_late_fusion_is_refused()
    {
        var data = ImbalancedBinary();
        var options = new TrainingOptions { TuneDecisionThreshold = true, StackingFolds = 3, Evaluation = { Strategy = EvaluationStrategy.None, TimeColumn = "timestamp" } };

        // The inner folds chain forward: every fold scores posts later than all it learnt from, and the earliest block
        // of the four is never scored.
        var splits = CrossModalML.Training.Fusion.StackingSplits.Create(data, options);
        var times = data.GetColumnValues("timestamp").Select(t => DateTimeOffset.Parse(t!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.HasCount(3, splits);
        foreach (var split in splits)
        {
            Assert.IsTrue(split.Train.Max(r => times[r]) < split.Test.Min(r => times[r]), "an inner fold learns from a later post than one it scores");
        }

        int scored = splits.Sum(s => s.Test.Count);
        Assert.AreEqual(data.RowCount, scored + splits[0].Train.Count);
        var result = new CrossModalTrainer(new MLContext(1)).Train(data, options);
        Assert.AreEqual(scored, result.DecisionThreshold!.Rows, "the threshold is tuned on the forward-chained predictions");

        var plain = new CrossModalTrainer(new MLContext(1)).Train(data, new TrainingOptions { TuneDecisionThreshold = true, StackingFolds = 3, Evaluation = { Strategy = EvaluationStrategy.None } });
        Assert.AreEqual(data.RowCount, plain.DecisionThreshold!.Rows, "without a time split every row is scored out of fold");

        var late = Assert.ThrowsExactly<ArgumentException>(() => new CrossModalTrainer(new MLContext(1)).Train(
            data, new TrainingOptions { Fusion = CrossModalML.Packaging.FusionKind.Late, Evaluation = { TimeColumn = "timestamp" } }));
        StringAssert.Contains(late.Message, "TrainingOptions.Fusion = FusionKind.Early");
        StringAssert.Contains(CrossModalML.Cli.Commands.FlagNames.Translate(late.Message), "--fusion early");
    }

    [TestMethod]
    public void Threshold_tuning_is_refused_for_a_multiclass_task()
    {
        var data = PostDatasetLoader.Load(RepositoryPaths.DemoPosts, new PostLoadOptions { LabelColumn = "sentiment" }).Select(Enumerable.Range(0, 100).ToList());
        var error = Assert.ThrowsExactly<ArgumentException>(() => new CrossModalTrainer(new MLContext(1)).Train(data, new TrainingOptions { TuneDecisionThreshold = true }));
        StringAssert.Contains(error.Message, "binary");
    }
}
