using CrossModalML.AutoML;
using CrossModalML.Data;
using CrossModalML.Training;
using CrossModalML.Evaluation;

namespace CrossModalML.Tests.Training;

[TestClass]
public sealed class MetricsCalculatorTests
{
    private static readonly string[] Classes = ["neg", "neu", "pos"];

    private static float[] OneHot(int index, float confidence = 0.8f)
    {
        var p = Enumerable.Repeat((1 - confidence) / 2, 3).ToArray();
        p[index] = confidence;
        return p;
    }

    [TestMethod]
    public void Classification_counts_accuracy_and_macro_f1_from_the_confusion_matrix()
    {
        // truth:     neg neg neg pos pos neu
        // predicted: neg neg pos pos pos neg
        int[] truth = [0, 0, 0, 2, 2, 1];
        int[] predicted = [0, 0, 2, 2, 2, 0];
        var metrics = MetricsCalculator.Classification(Classes, truth, predicted.Select(i => OneHot(i)).ToList());

        Assert.AreEqual(4.0 / 6, metrics.Accuracy!.Value, 1e-9);

        // neg: P=2/3 R=2/3 F1=2/3; neu: 0; pos: P=2/3 R=1 F1=0.8 → macro (2/3 + 0 + 0.8) / 3
        Assert.AreEqual((2.0 / 3 + 0 + 0.8) / 3, metrics.MacroF1!.Value, 1e-9);
        Assert.AreEqual(1, metrics.ConfusionMatrix![1][0]);
        Assert.AreEqual(1.0, metrics.PerClass![2].Recall, 1e-9);
        Assert.AreEqual(1, metrics.PerClass[1].Support);
        Assert.AreEqual(-Math.Log(0.1) / 6 * 2 + -Math.Log(0.8) / 6 * 4, metrics.LogLoss!.Value, 1e-6);
    }

    [TestMethod]
    public void Weighted_f1_weighs_each_class_f1_by_its_support_and_pools_over_folds()
    {
        // Same rows as above: neg F1 2/3 (support 3), neu 0 (support 1), pos 0.8 (support 2) → (3·2/3 + 0 + 2·0.8) / 6.
        int[] truth = [0, 0, 0, 2, 2, 1];
        int[] predicted = [0, 0, 2, 2, 2, 0];
        var metrics = MetricsCalculator.Classification(Classes, truth, predicted.Select(i => OneHot(i)).ToList());
        Assert.AreEqual((3 * 2.0 / 3 + 2 * 0.8) / 6, metrics.WeightedF1!.Value, 1e-9);
        Assert.AreEqual(metrics.WeightedF1.Value, AutoMLMetrics.Read(AutoMLMetric.WeightedF1, metrics), 1e-12);
        Assert.AreEqual(AutoMLMetric.WeightedF1, AutoMLMetrics.Parse("weighted-f1"));

        // Split into two folds, the pooled weighted F1 equals the one computed on all rows at once.
        var first = MetricsCalculator.Classification(Classes, truth[..3], predicted[..3].Select(i => OneHot(i)).ToList());
        var second = MetricsCalculator.Classification(Classes, truth[3..], predicted[3..].Select(i => OneHot(i)).ToList());
        Assert.AreEqual(metrics.WeightedF1.Value, MetricsCalculator.Average([first, second]).WeightedF1!.Value, 1e-9);
    }

    [TestMethod]
    public void Auc_is_the_probability_a_positive_outranks_a_negative_with_ties_counting_half()
    {
        // Positives score 0.9 and 0.4; negatives 0.4 and 0.1: pairs (0.9>0.4)=1, (0.9>0.1)=1, (0.4=0.4)=0.5, (0.4>0.1)=1 → 3.5/4.
        Assert.AreEqual(0.875, MetricsCalculator.Auc([1, 1, 0, 0], [0.9, 0.4, 0.4, 0.1])!.Value, 1e-12);
        Assert.IsNull(MetricsCalculator.Auc([1, 1], [0.2, 0.3]), "AUC is undefined with one class");
    }

    [TestMethod]
    public void Regression_metrics_match_hand_computed_values()
    {
        var metrics = MetricsCalculator.Regression([1f, 2f, 3f, 4f], [1f, 2f, 3f, 6f]);
        Assert.AreEqual(1.0, metrics.Rmse!.Value, 1e-9);
        Assert.AreEqual(0.5, metrics.Mae!.Value, 1e-9);
        Assert.AreEqual(1 - 4.0 / 5.0, metrics.RSquared!.Value, 1e-9);
        Assert.AreEqual(TaskKind.Regression, metrics.Task);
    }

    [TestMethod]
    public void Average_over_folds_pools_predictions_so_small_folds_do_not_weigh_more()
    {
        // Fold a: 4 rows, all right. Fold b: 1 row, wrong. Pooled accuracy is 4/5, not the fold mean 0.5.
        var a = MetricsCalculator.Classification(Classes, [0, 2, 0, 2], [OneHot(0), OneHot(2), OneHot(0), OneHot(2)]);
        var b = MetricsCalculator.Classification(Classes, [0], [OneHot(1)]);
        var average = MetricsCalculator.Average([a, b]);

        Assert.AreEqual(0.8, average.Accuracy!.Value, 1e-9);
        Assert.AreEqual(5, average.Count);
        Assert.AreEqual(3, average.PerClass![0].Support, "per-class support is pooled over folds");
        Assert.AreEqual(1, average.ConfusionMatrix![0][1]);
        Assert.AreEqual((4 * a.LogLoss!.Value + b.LogLoss!.Value) / 5, average.LogLoss!.Value, 1e-9);
    }

    [TestMethod]
    public void Regression_folds_pool_squared_errors()
    {
        var a = MetricsCalculator.Regression([0f, 0f, 0f], [1f, 1f, 1f]);
        var b = MetricsCalculator.Regression([0f], [3f]);
        var pooled = MetricsCalculator.Average([a, b]);
        Assert.AreEqual(Math.Sqrt((3 * 1 + 9) / 4.0), pooled.Rmse!.Value, 1e-9);
        Assert.AreEqual((3 + 3) / 4.0, pooled.Mae!.Value, 1e-9);
    }

    [TestMethod]
    public void Average_sums_confusion_counts_over_folds()
    {
        var a = MetricsCalculator.Classification(Classes, [0, 2], [OneHot(0), OneHot(2)]);
        var b = MetricsCalculator.Classification(Classes, [0, 1], [OneHot(1), OneHot(1)]);
        var average = MetricsCalculator.Average([a, b]);

        Assert.AreEqual(0.75, average.Accuracy!.Value, 1e-9);
        Assert.AreEqual(4, average.Count);
        Assert.AreEqual(2, average.PerClass![0].Support, "per-class support is pooled over folds");
        Assert.AreEqual(1, average.ConfusionMatrix![0][1]);
    }
}
