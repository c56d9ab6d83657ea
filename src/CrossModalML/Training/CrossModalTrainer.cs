using System.Diagnostics;
using System.Globalization;
using CrossModalML.Data;
using CrossModalML.Featurization;
using CrossModalML.Training.Fusion;
using Microsoft.ML;
using Microsoft.ML.Data;
using CrossModalML.Evaluation;
using CrossModalML.Packaging;

namespace CrossModalML.Training;

/// <summary>Fits a fused text + image + metadata model on a <see cref="PostDataset"/>, evaluates it, and refits it on all rows.</summary>
/// <remarks>
/// <para>Evaluation comes first (a stratified hold-out, stratified k-fold, or a separate test set); every evaluation fit
/// builds its own featurizer, so text dictionaries never see test rows. The returned model is then refit on every
/// training row, unlike a single fold's model.</para>
/// <para>Runs are deterministic for a given <see cref="TrainingOptions.Seed"/>: the same data and options give the same
/// splits, metrics and model. Cancellation is checked before every fit (ML.NET cannot stop a fit midway) and throws <see cref="OperationCanceledException"/>.</para>
/// <para>An instance is not thread-safe; use one per concurrent run.</para>
/// </remarks>
public sealed class CrossModalTrainer
{
    private readonly MLContext _mlContext;

    /// <summary>Creates a trainer that fits in <paramref name="mlContext"/>.</summary>
    /// <param name="mlContext">The context; its seed should match <see cref="TrainingOptions.Seed"/> for reproducible fits.</param>
    public CrossModalTrainer(MLContext mlContext)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        _mlContext = mlContext;
        CrossModalRegistration.Register(mlContext);
    }

    /// <summary>Evaluates and fits a model.</summary>
    /// <param name="data">Training posts with a label.</param>
    /// <param name="options">Trainer, featurizer and evaluation settings.</param>
    /// <param name="testData">Optional separate test posts; when given, it replaces the hold-out or cross-validation.</param>
    /// <param name="progress">Receives a report as each fit starts.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <exception cref="ArgumentException">The data set has no label, or the options do not fit the data.</exception>
    public TrainingResult Train(
        PostDataset data,
        TrainingOptions options,
        PostDataset? testData = null,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var labelColumn = data.LabelColumn
            ?? throw new ArgumentException($"The data set '{data.SourcePath}' has no label column; training needs one.", nameof(data));
        var task = data.Task;
        var trainer = options.Trainer ?? TrainerFactory.Default(task);
        var stopwatch = Stopwatch.StartNew();

        // Build once up front so that a bad option fails before any fitting starts.
        var featurization = CrossModalFeaturizer.Build(_mlContext, data.Columns, options.Featurizer);
        FusionFitter.Validate(options, task, featurization, labelColumn);
        var classWeights = task == TaskKind.Regression ? null : ClassWeights.Balanced(data.GetLabels(), data.ClassLabels);
        var labelEncoding = ModelPipelineBuilder.LabelEncoding(_mlContext, task, labelColumn, data.ClassLabels, classWeights);

        var splits = new List<(PostDataset Train, PostDataset Test)>();
        string description;
        if (testData is not null)
        {
            splits.Add((data, testData));
            description = $"separate test set ({testData.RowCount.ToString("N0", CultureInfo.InvariantCulture)} rows)";
        }
        else
        {
            var (evaluationSplits, evaluationDescription) = options.Evaluation.CreateSplits(data, options.Seed);
            splits.AddRange(evaluationSplits.Select(split => (data.Select(split.Train), data.Select(split.Test))));
            description = evaluationDescription;
        }

        int totalSteps = testData is null ? splits.Count + 1 : 1;
        var foldMetrics = new List<EvaluationMetrics>();
        FittedModel? fitted = null;
        var earlyMetrics = new List<EvaluationMetrics>();
        var lateMetrics = new List<EvaluationMetrics>();
        for (int i = 0; i < splits.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (train, test) = splits[i];
            progress?.Report(new TrainingProgress(i + 1, totalSteps, splits.Count == 1
                ? $"fit {trainer.Name} on {train.RowCount:N0} rows, evaluate on {test.RowCount:N0}"
                : $"fold {i + 1} of {splits.Count}: fit {trainer.Name} on {train.RowCount:N0} rows"));
            var foldModel = Fit(train, featurization, labelEncoding, trainer, options, cancellationToken, buildAlternative: options.Fusion == FusionKind.Auto);
            var decision = foldModel.Threshold is null ? BinaryDecision.Cut(null) : BinaryDecision.FromModel;
            foldMetrics.Add(ModelEvaluator.Evaluate(foldModel.Model, test, labelEncoding, decision));
            if (foldModel is { Alternative: { } alternative, Fusion: { } foldFusion })
            {
                var alternativeMetrics = ModelEvaluator.Evaluate(alternative, test, labelEncoding, decision);
                earlyMetrics.Add(foldFusion.Kind == FusionKind.Early ? foldMetrics[^1] : alternativeMetrics);
                lateMetrics.Add(foldFusion.Kind == FusionKind.Late ? foldMetrics[^1] : alternativeMetrics);
                (alternative as IDisposable)?.Dispose();
            }

            if (testData is not null)
            {
                // The evaluation fit already used every training row: it is the final model, so it is not fitted twice.
                fitted = foldModel;
            }
            else
            {
                (foldModel.Model as IDisposable)?.Dispose();
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (fitted is null)
        {
            progress?.Report(new TrainingProgress(totalSteps, totalSteps, $"refit {trainer.Name} on all {data.RowCount:N0} rows"));
            fitted = Fit(data, featurization, labelEncoding, trainer, options, cancellationToken);
        }

        return new TrainingResult
        {
            Model = fitted.Model,
            Fusion = fitted.Fusion,
            DecisionThreshold = fitted.Threshold,
            DecisionThresholdInModel = fitted.Threshold is not null,
            FusionComparison = earlyMetrics.Count == 0 || earlyMetrics.Count != foldMetrics.Count
                ? null
                : new FusionComparison(MetricsCalculator.Average(earlyMetrics), MetricsCalculator.Average(lateMetrics), description),
            OverSampling = options.OverSampling && task != TaskKind.Regression,
            Task = task,
            Trainer = trainer,
            Featurization = featurization,
            EvaluationDescription = description,
            Metrics = foldMetrics.Count == 0 ? null : MetricsCalculator.Average(foldMetrics),
            FoldMetrics = foldMetrics,
            TrainingRows = data.RowCount,
            Duration = stopwatch.Elapsed,
        };
    }

    /// <summary>Scores labelled posts with a fitted model and computes its metrics (see <see cref="ModelEvaluator"/>).</summary>
    /// <param name="model">A model from <see cref="Train"/> or loaded from a package.</param>
    /// <param name="data">Posts with a label, of the same task and classes as the model.</param>
    /// <param name="decisionThreshold">Binary models: the decision threshold the model was saved with (see
    /// <see cref="TrainingResult.DecisionThreshold"/>); <c>null</c> for 0.5.</param>
    /// <exception cref="ArgumentException">The data has no label, or a label the model does not know.</exception>
    public EvaluationMetrics Evaluate(ITransformer model, PostDataset data, double? decisionThreshold = null) =>
        ModelEvaluator.Evaluate(_mlContext, model, data, decisionThreshold);

    /// <summary>As <see cref="Evaluate(ITransformer, PostDataset, double?)"/>, with a binary model's decision read as its
    /// manifest says (<see cref="ModelManifest.DecisionThresholdInModel"/>).</summary>
    internal EvaluationMetrics Evaluate(ITransformer model, PostDataset data, ModelManifest manifest) =>
        ModelEvaluator.Evaluate(_mlContext, model, data, manifest.Decision());

    private FittedModel Fit(
        PostDataset train,
        FeaturizationPipeline featurization,
        IEstimator<ITransformer> labelEncoding,
        TrainerSpec trainer,
        TrainingOptions options,
        CancellationToken cancellationToken,
        bool buildAlternative = false)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (FusionFitter.IsNeeded(options, train.Task))
        {
            return new FusionFitter(_mlContext, train, featurization, labelEncoding, trainer, options).Fit(buildAlternative, cancellationToken);
        }

        // Estimators hold no fitted state, so one chain serves every fold and the final refit.
        var encoded = labelEncoding.Fit(train.DataView).Transform(train.DataView);
        var model = train.RowCount >= SpilledFeatureFit.RowThreshold
            ? SpilledFeatureFit.Fit(_mlContext, train.Task, featurization, trainer, encoded)
            : ModelPipelineBuilder.Model(_mlContext, train.Task, featurization, trainer).Fit(encoded);
        var summary = options.Fusion == FusionKind.Early ? null : new FusionSummary { Kind = FusionKind.Early, Requested = options.Fusion };
        return new FittedModel(model, summary, null);
    }
}
