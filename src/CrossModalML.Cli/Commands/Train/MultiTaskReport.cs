using CrossModalML.Data;
using CrossModalML.Packaging;

namespace CrossModalML.Cli.Commands.Train;

/// <summary>The <c>--report</c> of a multi-task run; serialized with <see cref="ManifestJson.Options"/>, its property names are the JSON keys.</summary>
/// <param name="MainTask">The main task's label column.</param>
/// <param name="Labels">Every task's label column, as given.</param>
/// <param name="Evaluation">How the metrics were measured.</param>
/// <param name="Tasks">Each task's head, metrics and comparison with a separate model.</param>
/// <param name="Stacking">Whether the main head reads the other tasks' predictions, and why.</param>
/// <param name="SharedFeaturizerFits">How many times the shared featurizer was fitted in all.</param>
/// <param name="RowsWithoutEveryLabel">Rows left out because a label was missing.</param>
/// <param name="Data">The rows read, used and skipped and the data's fingerprint.</param>
/// <param name="Loading">What loading found: column roles, skipped rows, warnings.</param>
/// <param name="Model">The full path of the model zip.</param>
/// <param name="DurationSeconds">How long training took.</param>
internal sealed record MultiTaskReport(
    string MainTask,
    IReadOnlyList<string> Labels,
    string Evaluation,
    IReadOnlyList<MultiTaskTaskReport> Tasks,
    StackingDecision Stacking,
    int SharedFeaturizerFits,
    int RowsWithoutEveryLabel,
    DataSummary Data,
    DataLoadReport Loading,
    string Model,
    double DurationSeconds);
