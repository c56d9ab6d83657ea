using System.Text.Json.Serialization;
using CrossModalML.Data;

namespace CrossModalML.Evaluation;

/// <summary>Quality of a model on data it was not trained on.</summary>
/// <remarks>
/// Classification fills <see cref="Accuracy"/>, <see cref="MacroF1"/>, <see cref="WeightedF1"/>, <see cref="LogLoss"/>, <see cref="PerClass"/>
/// and <see cref="ConfusionMatrix"/>, and <see cref="Auc"/> for binary tasks; regression fills <see cref="Rmse"/>,
/// <see cref="Mae"/> and <see cref="RSquared"/>. Metrics that do not apply are <c>null</c>.
/// </remarks>
public sealed record EvaluationMetrics
{
    /// <summary>The task the metrics describe.</summary>
    public required TaskKind Task { get; init; }

    /// <summary>Number of evaluated posts.</summary>
    public required int Count { get; init; }

    /// <summary>Share of posts whose predicted class is right.</summary>
    public double? Accuracy { get; init; }

    /// <summary>Unweighted mean of the per-class F1 scores: every class counts the same, however rare.</summary>
    public double? MacroF1 { get; init; }

    /// <summary>Mean of the per-class F1 scores weighted by each class's share of the posts (support), as MVSA papers
    /// report it: frequent classes count more.</summary>
    public double? WeightedF1 { get; init; }

    /// <summary>Area under the ROC curve (binary only).</summary>
    public double? Auc { get; init; }

    /// <summary>Mean negative log-likelihood of the true class (lower is better).</summary>
    public double? LogLoss { get; init; }

    /// <summary>Per-class precision, recall and F1, in class order.</summary>
    public IReadOnlyList<ClassMetrics>? PerClass { get; init; }

    /// <summary>Counts of [true class][predicted class], in class order.</summary>
    public IReadOnlyList<IReadOnlyList<int>>? ConfusionMatrix { get; init; }

    /// <summary>Root mean squared error (regression).</summary>
    public double? Rmse { get; init; }

    /// <summary>Mean absolute error (regression).</summary>
    public double? Mae { get; init; }

    /// <summary>Coefficient of determination (regression).</summary>
    [JsonPropertyName("r2")]
    public double? RSquared { get; init; }

    /// <summary>What the reader of these figures should know, e.g. that they were measured on the model's own training
    /// rows; <c>null</c> when there is nothing to say. Set by <c>CrossModalPredictor.Evaluate</c>, never stored in a manifest.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Warnings { get; init; }

    /// <summary>The headline metric: macro-F1 for classification, RMSE for regression.</summary>
    [JsonIgnore]
    public double Primary => Task == TaskKind.Regression ? Rmse ?? double.NaN : MacroF1 ?? double.NaN;
}
