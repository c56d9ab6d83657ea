using CrossModalML.AutoML;
using CrossModalML.Cluster;
using CrossModalML.Data;
using CrossModalML.Featurization;
using CrossModalML.Packaging;
using CrossModalML.Training;

namespace CrossModalML.Cli.Commands.Train;

/// <summary>What <c>crossmodal train</c> was asked to do, with every flag parsed and checked; no data has been read yet.</summary>
/// <remarks>The option objects are the library's own and are handed on as they are; the run completes them once the
/// data is loaded (class weighting, the preset's encoders and grouping), so one request serves one run.</remarks>
/// <param name="Dataset">The training posts (<c>--dataset</c>).</param>
/// <param name="Labels">The label columns; more than one asks for a multi-task model (<c>--label</c>).</param>
/// <param name="MainTask">The label the data set is loaded with: <c>--main-task</c>, else the first label.</param>
/// <param name="Load">How the posts are read: label, task, column roles, image strictness.</param>
/// <param name="Training">Featurizer, trainer, evaluation, fusion and seed of a single fit; its featurizer and evaluation serve every path.</param>
/// <param name="TrainerName">The trainer named by <c>--trainer</c>, if any.</param>
/// <param name="ClassWeighting">Whether classes are weighed equally (<c>--class-weighting</c>).</param>
/// <param name="TestDataset">Posts to evaluate on instead of a split (<c>--test-dataset</c>).</param>
/// <param name="Preset">The quality preset (<c>--preset</c>).</param>
/// <param name="EncodersChosen">Whether a flag chose an image or text encoder, so the preset leaves the encoders alone.</param>
/// <param name="NoGrouping">Whether <c>--group-by none</c> turned the preset's grouping off.</param>
/// <param name="Search">The search flags (budget, limits, metric, tuner, ensemble).</param>
/// <param name="Stacking">Multi-task: whether the main head reads the other tasks' predictions (<c>--stacking</c>).</param>
/// <param name="HeadModalities">Multi-task: the modalities each named task's head reads (<c>--head-modalities</c>); empty for every head on every modality.</param>
/// <param name="Output">The model zip to write (<c>--output</c>).</param>
/// <param name="Report">The JSON report to write, if any (<c>--report</c>).</param>
/// <param name="Cluster">The cluster that runs encoder shards and search trials (<c>--cluster</c>), or <c>null</c> to run here.</param>
internal sealed record TrainRequest(
    FileInfo Dataset,
    IReadOnlyList<string> Labels,
    string? MainTask,
    PostLoadOptions Load,
    TrainingOptions Training,
    string? TrainerName,
    bool ClassWeighting,
    FileInfo? TestDataset,
    QualityPreset Preset,
    bool EncodersChosen,
    bool NoGrouping,
    SearchFlags Search,
    StackingMode Stacking,
    IReadOnlyDictionary<string, Modality> HeadModalities,
    FileInfo Output,
    FileInfo? Report,
    ClusterConnectionOptions? Cluster = null)
{
    /// <summary>Several labels: one multi-task model.</summary>
    public bool IsMultiTask => Labels.Count > 1;

    /// <summary>The featurizer every path uses.</summary>
    public FeaturizerOptions Featurizer => Training.Featurizer;
}
