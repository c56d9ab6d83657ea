using CrossModalML.AutoML;
using CrossModalML.Data;
using CrossModalML.Featurization;
using CrossModalML.Training;
using CrossModalML.Training.Fusion;
using CrossModalML.Training.Imbalance;
using CrossModalML.MultiTask;
using CrossModalML.Evaluation;

namespace CrossModalML.Packaging;

/// <summary>Everything needed to understand, check and reproduce a model, stored as <c>crossmodal/manifest.json</c> inside its zip.</summary>
/// <remarks>
/// A manifest names columns but holds no post text, user id, or file path: the image and word-vector models are
/// recorded by file name and SHA-256 only, and the training data by a fingerprint. (The fitted text featurizer inside the ML.NET model does
/// keep its n-gram dictionary; see the privacy notes in the documentation.)
/// </remarks>
public sealed record ModelManifest
{
    /// <summary>The manifest format this toolkit writes and the newest it reads.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>The product name every CrossModalML manifest carries.</summary>
    public const string ToolkitName = "CrossModalML";

    /// <summary>Always <see cref="ToolkitName"/>; anything else is not a CrossModalML manifest.</summary>
    public string Toolkit { get; init; } = ToolkitName;

    /// <summary>The manifest format version.</summary>
    public int FormatVersion { get; init; } = CurrentFormatVersion;

    /// <summary>Version of the CrossModalML library that trained the model.</summary>
    public required string ToolkitVersion { get; init; }

    /// <summary>Version of ML.NET that trained the model.</summary>
    public required string MlNetVersion { get; init; }

    /// <summary>When the model was saved (UTC).</summary>
    public required DateTimeOffset CreatedUtc { get; init; }

    /// <summary>The task.</summary>
    public required TaskKind Task { get; init; }

    /// <summary>The label column's name.</summary>
    public required string LabelColumn { get; init; }

    /// <summary>The classes in score order (binary: the second is the positive class); empty for regression.</summary>
    public IReadOnlyList<string> ClassLabels { get; init; } = [];

    /// <summary>Every column of the training data and its role: what a post to score must provide.</summary>
    public required IReadOnlyList<ColumnSchema> Columns { get; init; }

    /// <summary>The featurizer settings.</summary>
    public required FeaturizerOptions Featurizer { get; init; }

    /// <summary>The pretrained image model, when one was used: file name, hash and tensor layout.</summary>
    public ImageModelInfo? ImageModel { get; init; }

    /// <summary>The pretrained word-vector model, when one was used: file names, hashes and tensor names.</summary>
    public WordVectorModelInfo? WordVectorModel { get; init; }

    /// <summary>The pretrained encoders shipped with the library that the model runs (ResNet18, MiniLM, ArcticXs), by name and
    /// network hash; <c>null</c> or empty for none. Loading checks that this library carries the same networks.</summary>
    public IReadOnlyList<PretrainedEncoderInfo>? Encoders { get; init; }

    /// <summary>The feature blocks concatenated into the feature vector, by modality.</summary>
    public IReadOnlyList<FeatureGroup> FeatureGroups { get; init; } = [];

    /// <summary>The trainer and its hyperparameters.</summary>
    public required TrainerSpec Trainer { get; init; }

    /// <summary>How <see cref="Metrics"/> were measured.</summary>
    public required string Evaluation { get; init; }

    /// <summary>Quality on unseen data; <c>null</c> when the model was not evaluated.</summary>
    public EvaluationMetrics? Metrics { get; init; }

    /// <summary>Row counts and the training data's fingerprint.</summary>
    public required DataSummary Data { get; init; }

    /// <summary>The seed the run used.</summary>
    public int Seed { get; init; }

    /// <summary>How an AutoML search found the trainer and featurizer settings; <c>null</c> when they were given.</summary>
    public SearchSummary? Search { get; init; }

    /// <summary>When the model is a weighted ensemble of search trials: its members (trial, trainer, featurizer settings)
    /// and weights, and its out-of-fold score against the best single trial; <c>null</c> for a single model. The other
    /// fields (<see cref="Trainer"/>, <see cref="Featurizer"/>) then describe the best trial.</summary>
    public EnsembleSummary? Ensemble { get; init; }

    /// <summary>Early or late fusion, and for late fusion the learned modality weights and stacker; <c>null</c> in
    /// manifests of plain early-fusion models (and of toolkit versions before fusion was recorded), which means early.</summary>
    public FusionSummary? Fusion { get; init; }

    /// <summary>The decision threshold of a binary model: predict the positive class when its probability is at least
    /// <see cref="ThresholdTuning.Threshold"/>. <c>null</c> means 0.5. See <see cref="DecisionThresholdInModel"/> for where it is applied.</summary>
    public ThresholdTuning? DecisionThreshold { get; init; }

    /// <summary>Whether the saved chain applies <see cref="DecisionThreshold"/> itself: its <c>PredictedLabel</c> is the
    /// tuned decision, so plain ML.NET, the predictor and <c>evaluate</c> read that one column. <c>false</c> in zips saved
    /// before the threshold moved into the chain; the predictor and <c>evaluate</c> then cut the probability at the
    /// threshold themselves, while the zip's own <c>PredictedLabel</c> still cuts at 0.5.</summary>
    public bool DecisionThresholdInModel { get; init; }

    /// <summary>How a binary model's decision is read from its output (<see cref="DecisionThreshold"/>, <see cref="DecisionThresholdInModel"/>).</summary>
    internal BinaryDecision Decision() => DecisionThresholdInModel && DecisionThreshold is not null
        ? BinaryDecision.FromModel
        : BinaryDecision.Cut(DecisionThreshold?.Threshold);

    /// <summary>Whether the training rows were randomly over-sampled to balance the classes.</summary>
    public bool OverSampling { get; init; }

    /// <summary>The fusion of the model: <see cref="FusionKind.Early"/> unless <see cref="Fusion"/> says otherwise.</summary>
    public FusionKind FittedFusion() => Fusion?.Kind ?? FusionKind.Early;
    /// <summary>The fingerprint (<see cref="Privacy.UserIdHasher.SaltId"/>) of the random salt stored in the zip beside the
    /// manifest, with which everything derived from this model writes user ids as pseudonyms; the salt itself is not in
    /// the manifest. <c>null</c> in zips saved before models carried a salt.</summary>
    public string? UserIdSaltId { get; init; }

    /// <summary>For a multi-task model, every task (the main one included) with its label column, kind, classes, trainer
    /// and metrics; <c>null</c> for a single-task model. The fields above (<see cref="Task"/>, <see cref="LabelColumn"/>,
    /// <see cref="ClassLabels"/>, <see cref="Trainer"/>, <see cref="Metrics"/>) describe the main task.</summary>
    public IReadOnlyList<TaskResult>? Tasks { get; init; }

    /// <summary>For a multi-task model, whether the main head stacks the other tasks' predictions and why; <c>null</c> otherwise.</summary>
    public StackingDecision? Stacking { get; init; }

    /// <summary>Whether the model predicts several tasks (<see cref="Tasks"/> is set).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsMultiTask => Tasks is { Count: > 0 };

    /// <summary>The columns a post must provide to be scored: every column with a role other than label, ignore and id.</summary>
    public IEnumerable<ColumnSchema> InputColumns() =>
        Columns.Where(c => c.Role is not (ColumnRole.Label or ColumnRole.Ignore or ColumnRole.Id));
}
