using System.Text.Json.Serialization;
using CrossModalML.AutoML;
using CrossModalML.Data;
using CrossModalML.Evaluation;
using CrossModalML.Featurization;

namespace CrossModalML.Packaging;

/// <summary>One task of a multi-task run: its head, its quality, and how a separate single-task model did on the same split.</summary>
public sealed record TaskResult
{
    /// <summary>The task's name: its label column.</summary>
    public required string Name { get; init; }

    /// <summary>The resolved task kind.</summary>
    public required TaskKind Task { get; init; }

    /// <summary>The classes in score order; empty for regression.</summary>
    public IReadOnlyList<string> ClassLabels { get; init; } = [];

    /// <summary>Whether this is the main task.</summary>
    public bool IsMain { get; init; }

    /// <summary>The head's trainer and hyperparameters.</summary>
    public required TrainerSpec Trainer { get; init; }

    /// <summary>How the head's trainer was found, when a search chose it; <c>null</c> when it was given.</summary>
    public SearchSummary? Search { get; init; }

    /// <summary>The modalities whose feature blocks this head reads (see <see cref="MultiTask.MultiTaskOptions.HeadModalities"/>):
    /// every modality the featurizer has blocks of unless the head was restricted. Manifests written before heads could be
    /// restricted read as <see cref="Modality.All"/>.</summary>
    public Modality Modalities { get; init; } = Modality.All;

    /// <summary>Whether this head reads only some of the modalities the featurizer has blocks of, while its separate model
    /// reads them all; <c>false</c> for a head that reads every block.</summary>
    public bool ReadsSomeModalities { get; init; }

    /// <summary>The tasks whose predictions this head reads besides the shared features (stacking); empty for a plain head.</summary>
    public IReadOnlyList<string> StackedInputs { get; init; } = [];

    /// <summary>The multi-task model's quality on this task, on unseen rows; <c>null</c> when not evaluated.</summary>
    public EvaluationMetrics? Metrics { get; init; }

    /// <summary>A separate single-task model's quality on the same rows (its own featurizer and trainer, or its own
    /// search); <c>null</c> when not compared.</summary>
    public EvaluationMetrics? SeparateMetrics { get; init; }

    /// <summary>The separate model's trainer; <c>null</c> when not compared.</summary>
    public TrainerSpec? SeparateTrainer { get; init; }

    /// <summary>How the multi-task head compares with the separate model on the headline metric (macro-F1, or RMSE for
    /// regression): "better", "tie" (within 0.0005) or "worse"; <c>null</c> when not compared.</summary>
    public string? VersusSeparate => Metrics is null || SeparateMetrics is null ? null
        : Math.Abs(Metrics.Primary - SeparateMetrics.Primary) <= 0.0005 ? "tie"
        : (Task == TaskKind.Regression ? Metrics.Primary < SeparateMetrics.Primary : Metrics.Primary > SeparateMetrics.Primary) ? "better" : "worse";

    /// <summary>Whether the multi-task head beat the separate model (<see cref="VersusSeparate"/> is "better"); <c>null</c> when not compared.</summary>
    [JsonIgnore]
    public bool? BeatSeparate => VersusSeparate is null ? null : VersusSeparate == "better";
}
