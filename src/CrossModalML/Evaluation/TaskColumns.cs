namespace CrossModalML.Evaluation;

/// <summary>Names of the columns each task of a multi-task model writes.</summary>
/// <remarks>Every head writes its outputs under the task's name, e.g. <c>sentiment.PredictedLabel</c>,
/// <c>sentiment.Score</c> and (binary) <c>sentiment.Probability</c>. The main task also keeps the unprefixed
/// <see cref="ModelColumns.PredictedLabel"/>, <see cref="ModelColumns.Score"/> and <see cref="ModelColumns.Probability"/>,
/// so code written for single-task models reads a multi-task model's main task unchanged.</remarks>
public static class TaskColumns
{
    /// <summary>The prefix of a task's output columns: its name and a dot.</summary>
    /// <param name="task">The task's name (its label column).</param>
    public static string Prefix(string task)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(task);
        return task + ".";
    }

    /// <summary>The task's predicted-label column: text for multiclass, <see cref="bool"/> for binary.</summary>
    /// <param name="task">The task's name.</param>
    public static string PredictedLabel(string task) => Prefix(task) + ModelColumns.PredictedLabel;

    /// <summary>The task's score column: a per-class vector for multiclass, a float otherwise.</summary>
    /// <param name="task">The task's name.</param>
    public static string Score(string task) => Prefix(task) + ModelColumns.Score;

    /// <summary>The task's calibrated positive-class probability (binary tasks with a calibrated trainer).</summary>
    /// <param name="task">The task's name.</param>
    public static string Probability(string task) => Prefix(task) + ModelColumns.Probability;
}
