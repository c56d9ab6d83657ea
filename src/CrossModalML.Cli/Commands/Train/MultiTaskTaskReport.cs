using CrossModalML.Cli.Rendering;
using CrossModalML.Data;
using CrossModalML.Evaluation;
using CrossModalML.Packaging;

namespace CrossModalML.Cli.Commands.Train;

/// <summary>One task of a multi-task report.</summary>
/// <param name="Name">The task's label column.</param>
/// <param name="Task">The kind of task.</param>
/// <param name="ClassLabels">The classes, in the head's order; empty for regression.</param>
/// <param name="Main">Whether this is the main task.</param>
/// <param name="Trainer">The head's trainer.</param>
/// <param name="Modalities">The modalities whose feature blocks the head reads, e.g. "text+image".</param>
/// <param name="ReadsSomeModalities">Whether the head reads only some of the modalities its separate model reads.</param>
/// <param name="StackedInputs">The other tasks whose predictions the head reads.</param>
/// <param name="Metrics">The head's metrics.</param>
/// <param name="SeparateTrainer">The trainer of the separate single-task model it is compared with.</param>
/// <param name="SeparateMetrics">That separate model's metrics on the same rows.</param>
/// <param name="VersusSeparate">better, tie or worse than the separate model.</param>
/// <param name="MultiTaskBeatSeparate">Whether the head beat the separate model.</param>
/// <param name="Search">The head's own search, if it searched.</param>
internal sealed record MultiTaskTaskReport(
    string Name,
    TaskKind Task,
    IReadOnlyList<string> ClassLabels,
    bool Main,
    TrainerSpec Trainer,
    string Modalities,
    bool ReadsSomeModalities,
    IReadOnlyList<string> StackedInputs,
    EvaluationMetrics? Metrics,
    TrainerSpec? SeparateTrainer,
    EvaluationMetrics? SeparateMetrics,
    string? VersusSeparate,
    bool? MultiTaskBeatSeparate,
    SearchSummary? Search)
{
    /// <summary>The report of one head of a multi-task model.</summary>
    public static MultiTaskTaskReport From(TaskResult task) => new(
        task.Name, task.Task, task.ClassLabels, task.IsMain, task.Trainer, ModalityNames.Of(task.Modalities), task.ReadsSomeModalities, task.StackedInputs, task.Metrics,
        task.SeparateTrainer, task.SeparateMetrics, task.VersusSeparate, task.BeatSeparate, task.Search);
}
