using CrossModalML.Data;
using CrossModalML.Featurization;
using Microsoft.ML;

namespace CrossModalML.MultiTask;

/// <summary>The tasks of one multi-task fit: which is main, each task's guarded view of the posts and its labels, and the
/// shared featurization, which reads no label.</summary>
internal sealed class TaskSet
{
    private readonly IReadOnlyList<string> _names;

    /// <summary>Guards every label and builds the shared featurization.</summary>
    /// <param name="mlContext">The context the featurization is built in.</param>
    /// <param name="options">Tasks and featurizer settings.</param>
    /// <param name="main">The main task.</param>
    /// <param name="data">The posts, every label present.</param>
    public TaskSet(MLContext mlContext, MultiTaskOptions options, string main, PostDataset data)
    {
        _names = options.Labels;
        Main = main;
        TaskData = options.Labels.ToDictionary(l => l, l => Guarded(data, options.Labels, l), StringComparer.Ordinal);
        Labels = options.Labels.ToDictionary(l => l, l => TaskLabels.From(TaskData[l]), StringComparer.Ordinal);
        Auxiliary = options.Labels.Where(l => l != main).ToList();
        AuxiliaryLength = Auxiliary.Sum(a => Labels[a].OutputLength);

        // Every label is ignored in the main task's columns, so the featurizer built from them reads no label.
        Featurization = CrossModalFeaturizer.Build(mlContext, TaskData[main].Columns, options.Featurizer);
        Modalities = options.Labels.ToDictionary(l => l, l => Restricted(options, l, Featurization.Modalities), StringComparer.Ordinal);
    }

    /// <summary>The modalities whose blocks each task's head reads: <see cref="MultiTaskOptions.HeadModalities"/>, or every
    /// modality the featurizer has a block of.</summary>
    public IReadOnlyDictionary<string, Modality> Modalities { get; }

    /// <summary>Every head's part of the features of a fitted featurizer.</summary>
    /// <param name="layout">The fitted featurizer's blocks.</param>
    public IReadOnlyDictionary<string, HeadInput> InputsOf(FeatureLayout layout) =>
        _names.ToDictionary(l => l, l => HeadInput.For(layout, Modalities[l]), StringComparer.Ordinal);

    /// <summary>The main task.</summary>
    public string Main { get; }

    /// <summary>The other tasks, in option order; a stacked main head reads their outputs in this order.</summary>
    public IReadOnlyList<string> Auxiliary { get; }

    /// <summary>How many numbers the auxiliary heads hand a stacked main head.</summary>
    public int AuxiliaryLength { get; }

    /// <summary>Each task's posts: the task's label, every other label column ignored.</summary>
    public IReadOnlyDictionary<string, PostDataset> TaskData { get; }

    /// <summary>Each task's labels, with class weights from every row.</summary>
    public IReadOnlyDictionary<string, TaskLabels> Labels { get; }

    /// <summary>The shared featurization.</summary>
    public FeaturizationPipeline Featurization { get; }

    /// <summary>Every task's labels with class weights from <paramref name="rows"/> only, the rows the next fits learn from.</summary>
    public IReadOnlyDictionary<string, TaskLabels> WeightedBy(IReadOnlyList<int> rows) =>
        _names.ToDictionary(l => l, l => Labels[l].WithWeightsFrom(rows), StringComparer.Ordinal);

    /// <summary>The modalities a task's head reads, checked against the modalities the featurizer has blocks of.</summary>
    private static Modality Restricted(MultiTaskOptions options, string task, Modality present)
    {
        if (!options.HeadModalities.TryGetValue(task, out var wanted))
        {
            return present;
        }

        foreach (var modality in new[] { Modality.Text, Modality.Image, Modality.Metadata }.Where(m => wanted.HasFlag(m) && !present.HasFlag(m)))
        {
            throw new ArgumentException(
                $"MultiTaskOptions.HeadModalities gives task '{task}' the modality {modality}, but the featurizer has no {modality} block " +
                $"(no column of that modality, or MultiTaskOptions.Featurizer.Modalities leaves it out); the modalities with blocks are {present}.");
        }

        return wanted;
    }

    /// <summary>The data set with <paramref name="target"/> as its label and every other label column ignored.</summary>
    internal static PostDataset Guarded(PostDataset data, IReadOnlyList<string> labels, string target)
    {
        var guarded = data;
        foreach (var label in labels.Where(l => l != target))
        {
            // Making a column the label demotes the previous label to Ignore, so after this loop every other label is ignored.
            guarded = guarded.WithLabel(label);
        }

        return guarded.WithLabel(target);
    }
}
