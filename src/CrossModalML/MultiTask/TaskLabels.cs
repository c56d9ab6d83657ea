using CrossModalML.Evaluation;
using CrossModalML.Data;
using Microsoft.ML;
using Microsoft.ML.Data;
using CrossModalML.Training;

namespace CrossModalML.MultiTask;

/// <summary>One task's labels for every row of a multi-task data set, encoded as the heads learn them.</summary>
internal sealed class TaskLabels
{
    private TaskLabels(string name, TaskKind kind, IReadOnlyList<string> classes, IReadOnlyList<string> texts, int[] classIndices, float[] values, float[] classWeights)
    {
        Name = name;
        Kind = kind;
        Classes = classes;
        Texts = texts;
        ClassIndices = classIndices;
        Values = values;
        ClassWeights = classWeights;
        Encoded = EncodedLabels.WithClassWeights(kind, classes, classIndices, values, classWeights);
    }

    public string Name { get; }

    public TaskKind Kind { get; }

    /// <summary>The classes in score order; empty for regression.</summary>
    public IReadOnlyList<string> Classes { get; }

    /// <summary>Each row's label as written, for stratified folds.</summary>
    public IReadOnlyList<string> Texts { get; }

    /// <summary>Each row's 0-based class index (binary: 1 is the positive class); 0 for regression.</summary>
    public int[] ClassIndices { get; }

    /// <summary>Each row's value (regression); 0 for classification.</summary>
    public float[] Values { get; }

    /// <summary>The balanced weight of each class, in class order; empty for regression.</summary>
    public float[] ClassWeights { get; }

    /// <summary>The labels as a head's training view writes them, each row weighted by <see cref="ClassWeights"/>.</summary>
    public EncodedLabels Encoded { get; }

    /// <summary>How many numbers the head hands a stacked head: one per class for multiclass, one otherwise.</summary>
    public int OutputLength => Kind == TaskKind.Multiclass ? Classes.Count : 1;

    /// <summary>The metric name of <see cref="EvaluationMetrics.Primary"/> for this task.</summary>
    public string PrimaryMetricName => Kind == TaskKind.Regression ? "RMSE" : "macro-F1";

    public static TaskLabels From(PostDataset taskData)
    {
        var name = taskData.LabelColumn ?? throw new ArgumentException("The task's data has no label.", nameof(taskData));
        var texts = taskData.GetLabels();
        var indices = new int[texts.Count];
        var values = new float[texts.Count];
        if (taskData.Task == TaskKind.Regression)
        {
            var numbers = taskData.DataView.GetColumn<float>(name).ToArray();
            Array.Copy(numbers, values, numbers.Length);
            return new TaskLabels(name, taskData.Task, [], texts, indices, values, []);
        }

        var position = taskData.ClassLabels.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        for (int row = 0; row < texts.Count; row++)
        {
            indices[row] = position[texts[row]];
        }

        return new TaskLabels(name, taskData.Task, taskData.ClassLabels, texts, indices, values, Training.ClassWeights.Balanced(texts, taskData.ClassLabels));
    }

    /// <summary>These labels with <see cref="ClassWeights"/> computed from some rows only: the rows a fit learns from, so
    /// the weights never reflect held-out rows (as <see cref="CrossModalTrainer"/> computes them from its own data).</summary>
    public TaskLabels WithWeightsFrom(IReadOnlyList<int> rows) =>
        Kind == TaskKind.Regression ? this : new TaskLabels(Name, Kind, Classes, Texts, ClassIndices, Values, Training.ClassWeights.Balanced(TextsOf(rows), Classes));

    /// <summary>The labels of some rows as written, for stratifying folds over them.</summary>
    public IReadOnlyList<string> TextsOf(IReadOnlyList<int> rows) => rows.Select(r => Texts[r]).ToArray();
}
