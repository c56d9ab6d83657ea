using CrossModalML.Data;
using CrossModalML.Evaluation;
using CrossModalML.Featurization;
using CrossModalML.Packaging;
using CrossModalML.Training.Imbalance;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace CrossModalML.Training.Fusion;

/// <summary>The training rows of one fusion fit, featurized once: their features per column, their encoded labels, and
/// the fits every model of the fusion is made of (over-sampled rows in, a trained learner out).</summary>
/// <remarks>Every fit runs in the fit's <see cref="MLContext"/>, one after another. Not thread-safe.</remarks>
internal sealed class FusionTrainingSet
{
    private readonly MLContext _mlContext;
    private readonly TrainerSpec _trainer;
    private readonly TrainingOptions _options;
    private readonly IReadOnlyList<string> _labelTexts;
    private readonly EncodedLabels _labels;
    private readonly IReadOnlyDictionary<string, FeatureMatrix> _features;

    /// <param name="mlContext">The context every model is fitted in.</param>
    /// <param name="train">The training rows.</param>
    /// <param name="encoded">The training rows through the fitted label encoding; its class weights are read from it.</param>
    /// <param name="trainer">The trainer of every modality model.</param>
    /// <param name="options">Over-sampling and seed.</param>
    /// <param name="features">Every feature column a model is fitted on, read once.</param>
    public FusionTrainingSet(MLContext mlContext, PostDataset train, IDataView encoded, TrainerSpec trainer, TrainingOptions options, IReadOnlyDictionary<string, FeatureMatrix> features)
    {
        _mlContext = mlContext;
        _trainer = trainer;
        _options = options;
        _features = features;
        Task = train.Task;
        ClassLabels = train.ClassLabels;
        _labelTexts = train.GetLabels();
        var index = train.ClassLabels.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        Truth = _labelTexts.Select(l => index[l]).ToArray();
        var weights = encoded.Schema.GetColumnOrNull(ModelColumns.ClassWeight) is null ? null : encoded.GetColumn<float>(ModelColumns.ClassWeight).ToArray();
        _labels = new EncodedLabels(Task, ClassLabels, Truth, null, weights);
        AllRows = Rows(Enumerable.Range(0, RowCount).ToArray(), salt: 0);
    }

    /// <summary>Binary or multiclass.</summary>
    public TaskKind Task { get; }

    /// <summary>The classes in score order.</summary>
    public IReadOnlyList<string> ClassLabels { get; }

    /// <summary>Each row's true class index.</summary>
    public IReadOnlyList<int> Truth { get; }

    /// <summary>The number of training rows.</summary>
    public int RowCount => Truth.Count;

    /// <summary>The rows the final models are fitted on: all, over-sampled when the option is on.</summary>
    public IReadOnlyList<int> AllRows { get; }

    /// <summary>The rows a model is fitted on: as given, or over-sampled when the option is on (never the rows it scores).</summary>
    /// <param name="rows">Row indices.</param>
    /// <param name="salt">Varies the draws per fold (0 for the final fit, the fold's number plus one otherwise).</param>
    public IReadOnlyList<int> Rows(IReadOnlyList<int> rows, int salt) =>
        _options.OverSampling ? RandomOverSampler.Resample(_labelTexts, rows, unchecked(_options.Seed * 31 + salt)) : rows;

    /// <summary>The view a model reads: the rows' vectors of <paramref name="column"/> with their encoded labels.</summary>
    /// <param name="column">A feature column read at construction.</param>
    /// <param name="rows">Row indices (may repeat).</param>
    public IDataView View(string column, IReadOnlyList<int> rows) => View(column, _features[column], rows);

    /// <summary>The view of rows of vectors computed during the fit (the stacker's inputs), under <paramref name="column"/>.</summary>
    /// <param name="column">The column name the model reads.</param>
    /// <param name="vectors">One vector per training row.</param>
    /// <param name="rows">Row indices (may repeat).</param>
    public IDataView View(string column, FeatureMatrix vectors, IReadOnlyList<int> rows) =>
        LabelledFeatureView.Create(_mlContext, _labels, rows, column, vectors.Select(rows));

    /// <summary>The vector length of a feature column.</summary>
    /// <param name="column">A feature column read at construction.</param>
    public int Dimensions(string column) => _features[column].Length;

    /// <summary>Fits the trainer (after a min–max normaliser for linear trainers) on <paramref name="column"/> of some rows.</summary>
    /// <param name="column">A feature column read at construction.</param>
    /// <param name="rows">The rows to fit on, over-sampled already if need be.</param>
    public ITransformer FitLearner(string column, IReadOnlyList<int> rows) => Learner(column).Fit(View(column, rows));

    /// <summary>Classification metrics of out-of-fold probabilities of the training rows.</summary>
    /// <param name="probabilities">One probability vector per training row; <c>null</c> for a row no fold scored (the
    /// earliest block of forward-chaining folds), which is left out.</param>
    public EvaluationMetrics Metrics(IReadOnlyList<float[]?> probabilities)
    {
        var scored = ScoredRows(probabilities);
        return MetricsCalculator.Classification(ClassLabels, scored.Select(r => Truth[r]).ToList(), scored.Select(r => probabilities[r]!).ToList());
    }

    /// <summary>The rows that have out-of-fold <paramref name="probabilities"/>, in row order: every row, unless forward
    /// chaining left the earliest block unscored.</summary>
    public static List<int> ScoredRows(IReadOnlyList<float[]?> probabilities) =>
        Enumerable.Range(0, probabilities.Count).Where(r => probabilities[r] is not null).ToList();

    private IEstimator<ITransformer> Learner(string featureColumn)
    {
        IEstimator<ITransformer> chain = new EstimatorChain<ITransformer>();
        if (TrainerFactory.NeedsNormalization(_trainer.Name))
        {
            chain = chain.Append(_mlContext.Transforms.NormalizeMinMax(featureColumn));
        }

        return chain.Append(TrainerFactory.Create(_mlContext, Task, _trainer, ModelColumns.EncodedLabel, featureColumn));
    }
}
