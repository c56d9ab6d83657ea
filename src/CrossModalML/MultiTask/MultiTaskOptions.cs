using CrossModalML.Training;
using CrossModalML.AutoML;
using CrossModalML.Featurization;
using CrossModalML.Evaluation;
using CrossModalML.Packaging;

namespace CrossModalML.MultiTask;

/// <summary>What <see cref="MultiTaskTrainer"/> fits: the tasks, the shared featurizer, how heads are chosen and evaluated.</summary>
public sealed class MultiTaskOptions
{
    /// <summary>The label columns, one task each; at least two, all different. Each task is named after its column.</summary>
    public IReadOnlyList<string> Labels { get; set; } = [];

    /// <summary>The main task (one of <see cref="Labels"/>); <c>null</c> means the first label. The main task is the one
    /// that may stack the others' predictions, and the one the model's unprefixed outputs and manifest fields describe.</summary>
    public string? MainTask { get; set; }

    /// <summary>The trainer of every head when no search is run; <c>null</c> picks <see cref="TrainerFactory.Default"/> per task.</summary>
    public TrainerSpec? Trainer { get; set; }

    /// <summary>Whether classification heads weigh their classes equally (balanced weights, see
    /// <see cref="TrainerFactory.ClassWeightingParameter"/>); regression heads are unaffected. Applies to
    /// <see cref="Trainer"/> or the per-task default, not to searched heads (a search tries both settings itself). Default false.</summary>
    public bool ClassWeighting { get; set; }

    /// <summary>When set, each head's trainer and hyperparameters are searched by the AutoML engine on the shared features
    /// (the featurizer itself is shared, so its settings are not searched); each head gets this budget. <c>null</c> uses
    /// <see cref="Trainer"/>. Its <see cref="AutoMLExperimentOptions.Featurizer"/> and seed are replaced by these options'.</summary>
    public AutoMLExperimentOptions? Search { get; set; }

    /// <summary>The featurizer shared by every head. Default: all modalities with default settings.</summary>
    public FeaturizerOptions Featurizer { get; set; } = new();

    /// <summary>The modalities each named task's head reads (the classic multi-task setup: a text head on the text blocks,
    /// an image head on the image blocks, a joint head on both); a task not named reads every block of the shared
    /// features. Default: empty, every head reads everything.</summary>
    /// <remarks>Keys are task names (label columns), values one or more modalities combined with <c>|</c>. The featurizer is
    /// still fitted once; a restricted head's first step selects its modalities' slots of the shared features, in training,
    /// in its search and cross-validation, and in the saved model alike. The separate models a head is compared with
    /// (<see cref="CompareWithSeparateModels"/>) read every modality. Every modality named must have a feature block, or
    /// training stops with an <see cref="ArgumentException"/> naming the task, the modality and the modalities that exist.</remarks>
    public IReadOnlyDictionary<string, Modality> HeadModalities { get; set; } = new Dictionary<string, Modality>(StringComparer.Ordinal);

    /// <summary>How the multi-task model (and the separate models it is compared with) is evaluated; splits are stratified by
    /// the main task's label. <see cref="EvaluationStrategy.None"/> skips evaluation, comparison and the stacking check.</summary>
    public EvaluationOptions Evaluation { get; set; } = new();

    /// <summary>Whether the main head stacks the auxiliary predictions. Default <see cref="StackingMode.Auto"/>.</summary>
    public StackingMode Stacking { get; set; } = StackingMode.Auto;

    /// <summary>Folds of the out-of-fold predictions the stacked main head learns from. Default 5.</summary>
    public int OutOfFoldFolds { get; set; } = 5;

    /// <summary>Whether each task is also trained as a separate single-task model on the same split, for the report's
    /// multi-task-versus-separate comparison. Default true; needs evaluation.</summary>
    public bool CompareWithSeparateModels { get; set; } = true;

    /// <summary>Seed for splits, folds and trainers. Default 1.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>The main task's name: <see cref="MainTask"/>, or the first label.</summary>
    public string ResolveMainTask() => MainTask ?? (Labels.Count > 0 ? Labels[0] : throw new ArgumentException("MultiTaskOptions.Labels is empty; give at least two label columns."));

    /// <summary>Checks every setting without reading any data, so a bad one fails before a data set is loaded.</summary>
    /// <exception cref="ArgumentException">A setting is missing, out of range or conflicting; the message names the property.</exception>
    public void Validate()
    {
        if (Labels is null || Labels.Count < 2)
        {
            throw new ArgumentException($"Multi-task training needs at least two label columns (MultiTaskOptions.Labels); got {Labels?.Count ?? 0}. Use CrossModalTrainer for one.");
        }

        var repeated = Labels.GroupBy(l => l, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            throw new ArgumentException($"The label column '{repeated.Key}' is listed twice; list each task once.");
        }

        if (MainTask is not null && !Labels.Contains(MainTask, StringComparer.Ordinal))
        {
            throw new ArgumentException($"The main task '{MainTask}' is not one of the labels ({string.Join(", ", Labels)}).");
        }

        if (OutOfFoldFolds < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(OutOfFoldFolds), OutOfFoldFolds, $"MultiTaskOptions.OutOfFoldFolds must be at least 2 (out-of-fold predictions need 2 or more folds); got {OutOfFoldFolds}.");
        }

        ValidateHeadModalities();
        Evaluation.Validate($"{nameof(MultiTaskOptions)}.{nameof(Evaluation)}");
    }

    private void ValidateHeadModalities()
    {
        foreach (var (task, modalities) in HeadModalities ?? throw new ArgumentNullException(nameof(HeadModalities), "MultiTaskOptions.HeadModalities is null; leave it empty for heads that read every modality."))
        {
            if (!Labels.Contains(task, StringComparer.Ordinal))
            {
                throw new ArgumentException($"MultiTaskOptions.HeadModalities names the task '{task}', which is not one of the labels (MultiTaskOptions.Labels: {string.Join(", ", Labels)}).");
            }

            if (modalities == Modality.None || (modalities & ~Modality.All) != 0)
            {
                throw new ArgumentException($"MultiTaskOptions.HeadModalities gives task '{task}' the modalities '{modalities}'; give one or more of Text, Image, Metadata.");
            }

            var missing = modalities & ~Featurizer.Modalities;
            if (missing != Modality.None)
            {
                throw new ArgumentException(
                    $"MultiTaskOptions.HeadModalities gives task '{task}' the modality {missing}, but MultiTaskOptions.Featurizer.Modalities is {Featurizer.Modalities}, so the shared features have no {missing} block.");
            }
        }
    }

    /// <summary>A shallow copy with another seed (its head-search settings too), so a caller's options are not changed.</summary>
    internal MultiTaskOptions WithSeed(int seed)
    {
        var copy = (MultiTaskOptions)MemberwiseClone();
        copy.Seed = seed;
        copy.Search = Search?.WithSeed(seed);
        return copy;
    }
}
