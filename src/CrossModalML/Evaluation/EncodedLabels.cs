using CrossModalML.Data;

namespace CrossModalML.Evaluation;

/// <summary>One label of every row of a data set, encoded as a trainer learns it, for fits on features kept in memory.</summary>
/// <param name="Task">The task the label is learned as.</param>
/// <param name="Classes">The classes in score order (binary: the second is the positive class); empty for regression.</param>
/// <param name="ClassIndices">Each row's 0-based class index; ignored for regression.</param>
/// <param name="Values">Each row's value for regression; <c>null</c> for classification.</param>
/// <param name="RowWeights">Each row's class weight, read when a trainer's <c>ClassWeighting</c> is on; <c>null</c> weighs
/// every row 1.</param>
internal sealed record EncodedLabels(
    TaskKind Task, IReadOnlyList<string> Classes, IReadOnlyList<int> ClassIndices, IReadOnlyList<float>? Values, IReadOnlyList<float>? RowWeights)
{
    /// <summary>Rows weighted by their class's weight.</summary>
    /// <param name="task">The task.</param>
    /// <param name="classes">The classes in score order; empty for regression.</param>
    /// <param name="classIndices">Each row's class index; empty for regression.</param>
    /// <param name="values">Each row's value for regression; <c>null</c> otherwise.</param>
    /// <param name="classWeights">One weight per class; empty or <c>null</c> weighs every row 1.</param>
    public static EncodedLabels WithClassWeights(
        TaskKind task, IReadOnlyList<string> classes, IReadOnlyList<int> classIndices, IReadOnlyList<float>? values, IReadOnlyList<float>? classWeights) =>
        new(task, classes, classIndices, values, classWeights is null || classWeights.Count == 0 ? null : classIndices.Select(c => classWeights[c]).ToArray());
}
