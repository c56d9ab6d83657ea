using System.Globalization;
using CrossModalML.Data;
using CrossModalML.Packaging;
using CrossModalML.Prediction;

namespace CrossModalML.Cli.Commands.Predict;

/// <summary>The true labels of a labelled input to <c>crossmodal predict</c>, and how each prediction compares with its label:
/// right or wrong for a classifier, the error (predicted minus true) for a regressor.</summary>
internal static class TrueLabels
{
    /// <summary>The header of the comparison column written after the prediction's own columns.</summary>
    public static string ComparisonHeader(TaskKind task) => task == TaskKind.Regression ? "error" : "correct";

    /// <summary>The chunk's labels as written, when the input has the model's label column (single-task models); else <c>null</c>.</summary>
    public static IReadOnlyList<string>? Of(PostDataset chunk, ModelManifest manifest) =>
        !manifest.IsMultiTask && chunk.Columns.Any(c => c.Name == manifest.LabelColumn) ? chunk.GetColumnValues(manifest.LabelColumn) : null;

    /// <summary>Whether the predicted class is the label; <c>null</c> when the label is empty (nothing to compare).</summary>
    public static bool? Correct(string label, PostPrediction prediction) =>
        label.Trim() is { Length: > 0 } trimmed ? string.Equals(prediction.PredictedLabel, trimmed, StringComparison.Ordinal) : null;

    /// <summary>The predicted value minus the label; <c>null</c> when the label is not an invariant-culture finite number.</summary>
    public static double? Error(string label, PostPrediction prediction) =>
        prediction.Value is { } value && double.TryParse(label.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var truth) && double.IsFinite(truth)
            ? value - truth
            : null;

    /// <summary>The comparison cell of one row: <see cref="Correct"/> or <see cref="Error"/>, by task.</summary>
    public static object? Comparison(TaskKind task, string label, PostPrediction prediction) =>
        task == TaskKind.Regression ? Error(label, prediction) : Correct(label, prediction);
}
