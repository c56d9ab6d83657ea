using System.Globalization;
using CrossModalML.Data;
using Microsoft.ML;
using CrossModalML.Evaluation;
using CrossModalML.Packaging;

namespace CrossModalML.Prediction;

/// <summary>Computes every task's metrics of a multi-task model on labelled posts, scoring them once.</summary>
internal static class MultiTaskEvaluator
{
    /// <summary>Scores the posts once and computes each task's metrics from its own output columns.</summary>
    /// <param name="model">A multi-task model (see <c>MultiTaskTrainer</c>).</param>
    /// <param name="tasks">The model's tasks, as its manifest lists them.</param>
    /// <param name="data">Posts with the model's input columns and every task's label column, e.g. from a scoring load with
    /// <c>requireLabel: true</c> (the other labels are kept as ignored columns).</param>
    /// <returns>Metrics by task name, in task order.</returns>
    /// <exception cref="ArgumentException">The posts lack a task's label column, or have a label (or a non-numeric
    /// regression value) the model does not know; the message names the task, the row and the value.</exception>
    public static IReadOnlyDictionary<string, EvaluationMetrics> Evaluate(ITransformer model, IReadOnlyList<TaskResult> tasks, PostDataset data)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(data);
        var truths = tasks.ToDictionary(t => t.Name, t => Truth(t, data), StringComparer.Ordinal);
        var scored = model.Transform(data.DataView);
        var result = new Dictionary<string, EvaluationMetrics>(StringComparer.Ordinal);
        foreach (var task in tasks)
        {
            var prefix = TaskColumns.Prefix(task.Name);
            var truth = truths[task.Name];
            result[task.Name] = task.Task == TaskKind.Regression
                ? MetricsCalculator.Regression(truth.Select(t => (float)t).ToList(), ScoredOutput.ReadValues(scored, prefix))
                : MetricsCalculator.Classification(task.ClassLabels, truth.Select(t => (int)t).ToList(), ScoredOutput.ReadProbabilities(scored, task.Task, task.ClassLabels.Count, prefix));
        }

        return result;
    }

    private static double[] Truth(TaskResult task, PostDataset data)
    {
        if (!data.Columns.Any(c => c.Name == task.Name))
        {
            throw new ArgumentException(
                $"The posts have no column '{task.Name}', the label of task '{task.Name}'; evaluating a multi-task model needs every task's label. Columns: {string.Join(", ", data.Columns.Select(c => $"'{c.Name}'"))}.",
                nameof(data));
        }

        var values = data.GetColumnValues(task.Name);
        var truth = new double[values.Count];
        var classes = task.ClassLabels.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        for (int row = 0; row < values.Count; row++)
        {
            var value = values[row].Trim();
            bool known;
            if (task.Task == TaskKind.Regression)
            {
                known = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out truth[row]);
            }
            else
            {
                known = classes.TryGetValue(value, out var index);
                truth[row] = index;
            }

            if (!known)
            {
                throw new ArgumentException(
                    $"Row {row + 1} of '{data.SourcePath ?? "the posts"}': '{value}' in column '{task.Name}' is not " +
                    (task.Task == TaskKind.Regression ? "a number." : $"one of the task's classes ({string.Join(", ", task.ClassLabels)})."),
                    nameof(data));
            }
        }

        return truth;
    }
}
