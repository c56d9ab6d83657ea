using CrossModalML.Evaluation;

namespace CrossModalML.Packaging;

/// <summary>Why <see cref="FusionKind.Auto"/> chose early or late fusion: both scored on the same out-of-fold predictions of the training rows.</summary>
public sealed record FusionSelection
{
    /// <summary>The metric compared.</summary>
    public required ClassificationObjective Objective { get; init; }

    /// <summary>The early-fusion model's out-of-fold metrics.</summary>
    public required EvaluationMetrics Early { get; init; }

    /// <summary>The late-fusion model's out-of-fold metrics (the stacker itself cross-validated over the per-modality scores).</summary>
    public required EvaluationMetrics Late { get; init; }

    /// <summary>The objective of <see cref="Early"/>.</summary>
    public required double EarlyScore { get; init; }

    /// <summary>The objective of <see cref="Late"/>.</summary>
    public required double LateScore { get; init; }

    /// <summary>The winner: late only when strictly better.</summary>
    public required FusionKind Chosen { get; init; }

    /// <summary>A sentence for reports, e.g. "late fusion wins: macro-F1 0.6123 vs 0.5890 for early fusion (+0.0233) ...".</summary>
    public required string Reason { get; init; }
}
