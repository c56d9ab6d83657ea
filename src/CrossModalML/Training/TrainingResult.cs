using CrossModalML.Data;
using CrossModalML.Featurization;
using CrossModalML.Training.Fusion;
using CrossModalML.Training.Imbalance;
using Microsoft.ML;
using CrossModalML.Evaluation;
using CrossModalML.Packaging;

namespace CrossModalML.Training;

/// <summary>A fitted model and what is known about its quality.</summary>
public sealed class TrainingResult
{
    /// <summary>The model fitted on all training rows: featurizer, trainer and output decoding.</summary>
    public required ITransformer Model { get; init; }

    /// <summary>The resolved task.</summary>
    public required TaskKind Task { get; init; }

    /// <summary>The trainer and hyperparameters that were fitted.</summary>
    public required TrainerSpec Trainer { get; init; }

    /// <summary>The featurization that was fitted.</summary>
    public required FeaturizationPipeline Featurization { get; init; }

    /// <summary>The evaluation that produced <see cref="Metrics"/>, e.g. "5-fold cross-validation" or "hold-out 20%".</summary>
    public required string EvaluationDescription { get; init; }

    /// <summary>Metrics on unseen data (the mean over folds for cross-validation); <c>null</c> when not evaluated.</summary>
    public EvaluationMetrics? Metrics { get; init; }

    /// <summary>Metrics of each fold (one entry for a hold-out or a test set).</summary>
    public IReadOnlyList<EvaluationMetrics> FoldMetrics { get; init; } = [];

    /// <summary>Rows the final model was fitted on.</summary>
    public required int TrainingRows { get; init; }

    /// <summary>Wall time of the whole run.</summary>
    public required TimeSpan Duration { get; init; }

    /// <summary>How the final model fuses modalities (and, for late fusion, the learned modality weights); <c>null</c> for a
    /// plain early-fusion fit.</summary>
    public FusionSummary? Fusion { get; init; }

    /// <summary>With <see cref="FusionKind.Auto"/> and an evaluation, early and late fusion both scored on its test rows
    /// (each fold chose by its own training rows' out-of-fold predictions); <c>null</c> otherwise.</summary>
    public FusionComparison? FusionComparison { get; init; }

    /// <summary>The final model's tuned decision threshold (binary); <c>null</c> for 0.5.</summary>
    public ThresholdTuning? DecisionThreshold { get; init; }

    /// <summary>Whether <see cref="Model"/>'s own <c>PredictedLabel</c> applies <see cref="DecisionThreshold"/> (see
    /// <see cref="ModelManifest.DecisionThresholdInModel"/>).</summary>
    internal bool DecisionThresholdInModel { get; init; }

    /// <summary>Whether every fit's training rows were over-sampled to balance the classes.</summary>
    public bool OverSampling { get; init; }

    /// <summary>Builds the manifest of a finished training run.</summary>
    /// <param name="data">The data it was trained on.</param>
    /// <param name="options">The options it ran with.</param>
    public ModelManifest ToManifest(PostDataset data, TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        return new ModelManifest
        {
            ToolkitVersion = ToolkitInfo.Version,
            MlNetVersion = ToolkitInfo.MlNetVersion,
            CreatedUtc = DateTimeOffset.UtcNow,
            Task = Task,
            LabelColumn = data.LabelColumn ?? throw new ArgumentException("The training data has no label column.", nameof(data)),
            ClassLabels = data.ClassLabels,
            Columns = data.Columns,
            Featurizer = options.Featurizer,
            ImageModel = Featurization.ImageModel,
            WordVectorModel = Featurization.WordVectorModel,
            Encoders = Featurization.Encoders.Count > 0 ? Featurization.Encoders : null,
            FeatureGroups = Featurization.Groups,
            Trainer = Trainer,
            Evaluation = EvaluationDescription,
            Metrics = Metrics,
            Data = new DataSummary(data.Report.RowsRead, data.RowCount, data.Report.RowsSkipped, data.Fingerprint),
            Seed = options.Seed,
            Fusion = Fusion,
            DecisionThreshold = DecisionThreshold,
            DecisionThresholdInModel = DecisionThresholdInModel && DecisionThreshold is not null,
            OverSampling = OverSampling,
        };
    }
}
