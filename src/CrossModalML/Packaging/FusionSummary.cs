using CrossModalML.Evaluation;

namespace CrossModalML.Packaging;

/// <summary>How a model fuses modalities and, for late fusion, how much it trusts each; recorded in the model manifest.</summary>
public sealed record FusionSummary
{
    /// <summary>The fusion of the fitted model: <see cref="FusionKind.Early"/> or <see cref="FusionKind.Late"/>.</summary>
    public required FusionKind Kind { get; init; }

    /// <summary>What was asked for; <see cref="FusionKind.Auto"/> when validation chose <see cref="Kind"/>.</summary>
    public required FusionKind Requested { get; init; }

    /// <summary>Folds of the out-of-fold predictions on the training rows that trained the stacker, chose the fusion and
    /// tuned the threshold; 0 when none were needed.</summary>
    public int StackingFolds { get; init; }

    /// <summary>Per modality, the late-fusion stacker's trust and the modality model's own validation metrics, in stacker
    /// order. Filled whenever a late-fusion stacker was fitted, also when <see cref="FusionKind.Auto"/> then kept early fusion.</summary>
    public IReadOnlyList<ModalityWeight> ModalityWeights { get; init; } = [];

    /// <summary>The stacker's coefficients, when <see cref="Kind"/> is <see cref="FusionKind.Late"/>.</summary>
    public StackerCoefficients? Stacker { get; init; }

    /// <summary>The fitted fusion's metrics on the out-of-fold predictions of the training rows (late fusion: the stacker
    /// cross-validated over the modality models' out-of-fold scores); <c>null</c> when no inner folds ran. At threshold 0.5.</summary>
    public EvaluationMetrics? Validation { get; init; }

    /// <summary>The comparison behind an <see cref="FusionKind.Auto"/> choice; <c>null</c> otherwise.</summary>
    public FusionSelection? Selection { get; init; }
}
