using CrossModalML.Cli.Commands.Predict;
using CrossModalML.Data;
using CrossModalML.Prediction;

namespace CrossModalML.Tests.Cli;

/// <summary>How <c>crossmodal predict</c> compares a prediction with the true label of a labelled input.</summary>
[TestClass]
public sealed class TrueLabelsTests
{
    [TestMethod]
    public void A_class_is_right_only_when_it_is_the_label_and_an_empty_label_is_not_compared()
    {
        var prediction = new PostPrediction { PredictedLabel = "positive" };

        Assert.AreEqual(true, TrueLabels.Comparison(TaskKind.Multiclass, " positive ", prediction));
        Assert.AreEqual(false, TrueLabels.Comparison(TaskKind.Multiclass, "Positive", prediction));
        Assert.IsNull(TrueLabels.Comparison(TaskKind.Multiclass, "  ", prediction));
    }

    [TestMethod]
    public void A_value_gets_its_error_and_a_label_that_is_no_number_is_not_compared()
    {
        var prediction = new PostPrediction { Value = 3f };

        Assert.AreEqual(0.5, (double)TrueLabels.Comparison(TaskKind.Regression, "2.5", prediction)!, 1e-12);
        Assert.AreEqual(-1.0, (double)TrueLabels.Comparison(TaskKind.Regression, "4e0", prediction)!, 1e-12);
        Assert.IsNull(TrueLabels.Comparison(TaskKind.Regression, "n/a", prediction));
        Assert.IsNull(TrueLabels.Comparison(TaskKind.Regression, "2,5", prediction));
        Assert.AreEqual("error", TrueLabels.ComparisonHeader(TaskKind.Regression));
        Assert.AreEqual("correct", TrueLabels.ComparisonHeader(TaskKind.Binary));
    }
}
