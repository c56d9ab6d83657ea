using CrossModalML.Evaluation;
using CrossModalML.Data;
using CrossModalML.Featurization;
using Microsoft.ML;
using CrossModalML.Packaging;

namespace CrossModalML.MultiTask;

/// <summary>A fitted multi-task model and what is known about each task's quality.</summary>
public sealed class MultiTaskResult
{
    /// <summary>The model refit on all rows: the shared featurizer, then each auxiliary head, then the main head, each
    /// head writing its <see cref="TaskColumns"/> (the main task also the unprefixed outputs).</summary>
    public required ITransformer Model { get; init; }

    /// <summary>The main task's name.</summary>
    public required string MainTask { get; init; }

    /// <summary>Every task, in the order of <see cref="MultiTaskOptions.Labels"/>.</summary>
    public required IReadOnlyList<TaskResult> Tasks { get; init; }

    /// <summary>Whether the main head stacks the auxiliary predictions, and why.</summary>
    public required StackingDecision Stacking { get; init; }

    /// <summary>The shared featurization.</summary>
    public required FeaturizationPipeline Featurization { get; init; }

    /// <summary>How the metrics were measured, e.g. "stratified hold-out of 20%".</summary>
    public required string EvaluationDescription { get; init; }

    /// <summary>The posts the final model was fitted on, with the main task's label and every other label column
    /// ignored: its <see cref="PostDataset.Columns"/> are the model's schema, its view's schema the model's input schema.</summary>
    public required PostDataset TrainingData { get; init; }

    /// <summary>Rows the final model was fitted on.</summary>
    public required int TrainingRows { get; init; }

    /// <summary>Rows left out because they lacked one of the labels.</summary>
    public int RowsWithoutEveryLabel { get; init; }

    /// <summary>How often the shared featurizer was fitted: once per evaluation split plus once for the final model,
    /// however many tasks there are (separate comparison models are not counted).</summary>
    public required int SharedFeaturizerFits { get; init; }

    /// <summary>Wall time of the whole run.</summary>
    public required TimeSpan Duration { get; init; }

    /// <summary>The main task's result.</summary>
    public TaskResult Main => Tasks.First(t => t.Name == MainTask);

    /// <summary>Builds the manifest of a finished multi-task run; the single-task fields describe the main task.</summary>
    /// <param name="options">The options it ran with.</param>
    public ModelManifest ToManifest(MultiTaskOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var data = TrainingData;
        var main = Main;
        return new ModelManifest
        {
            ToolkitVersion = ToolkitInfo.Version,
            MlNetVersion = ToolkitInfo.MlNetVersion,
            CreatedUtc = DateTimeOffset.UtcNow,
            Task = main.Task,
            LabelColumn = main.Name,
            ClassLabels = main.ClassLabels,
            Columns = data.Columns,
            Featurizer = options.Featurizer,
            ImageModel = Featurization.ImageModel,
            WordVectorModel = Featurization.WordVectorModel,
            Encoders = Featurization.Encoders.Count > 0 ? Featurization.Encoders : null,
            FeatureGroups = Featurization.Groups,
            Trainer = main.Trainer,
            Evaluation = EvaluationDescription,
            Metrics = main.Metrics,
            Data = new DataSummary(data.Report.RowsRead, data.RowCount, data.Report.RowsRead - data.RowCount, data.Fingerprint),
            Seed = options.Seed,
            Search = main.Search,
            Tasks = Tasks,
            Stacking = Stacking,
        };
    }
}
