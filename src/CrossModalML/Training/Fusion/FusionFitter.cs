using CrossModalML.Data;
using CrossModalML.Evaluation;
using CrossModalML.Featurization;
using CrossModalML.Packaging;
using CrossModalML.Training.Imbalance;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace CrossModalML.Training.Fusion;

/// <summary>Fits one model on one training set when the fit needs out-of-fold predictions: late fusion, the choice between
/// early and late fusion, decision-threshold tuning, or random over-sampling.</summary>
/// <remarks>
/// <para><b>Featurize once.</b> The featurizer is fitted on the training rows and its output kept in memory; every inner
/// fit trains on slices of it. The inner folds therefore share the text dictionary and IDF of all training rows. That
/// cannot leak a label: an n-gram seen only in a held-out fold gets no weight from the fold's model.</para>
/// <para><b>Out-of-fold scores.</b> The training rows are split into <see cref="TrainingOptions.StackingFolds"/> folds
/// (stratified, or by <see cref="EvaluationOptions.GroupColumn"/>). Each modality's model is fitted on all folds but one
/// and scores the one left out, so every training row gets scores from models that never saw it. The stacker learns
/// from those scores: trained on in-sample scores it would trust whichever modality memorises the training set best
/// (TF-IDF text does). The late-fusion validation score comes from cross-validating the stacker over the same folds.</para>
/// <para><b>Steps.</b> <see cref="StackingSplits"/> makes the folds and <see cref="OutOfFoldScorer"/> runs them for early
/// fusion and, in <see cref="LateFusionScores"/>, for every modality and the stacker (<see cref="StackerFitter"/>);
/// <see cref="FusionSelector"/> picks the fusion and <see cref="FusedChainBuilder"/> builds the saved chain.</para>
/// <para><b>Over-sampling</b> repeats minority-class rows in the rows each model is fitted on, never in the rows it scores.</para>
/// <para>Not thread-safe; one instance per fit.</para>
/// </remarks>
internal sealed class FusionFitter
{
    private readonly MLContext _ml;
    private readonly PostDataset _train;
    private readonly FeaturizationPipeline _featurization;
    private readonly IEstimator<ITransformer> _labelEncoding;
    private readonly TrainerSpec _trainer;
    private readonly TrainingOptions _options;
    private readonly TaskKind _task;

    public FusionFitter(MLContext ml, PostDataset train, FeaturizationPipeline featurization, IEstimator<ITransformer> labelEncoding, TrainerSpec trainer, TrainingOptions options)
    {
        _ml = ml;
        _train = train;
        _featurization = featurization;
        _labelEncoding = labelEncoding;
        _trainer = trainer;
        _options = options;
        _task = train.Task;
    }

    /// <summary>Whether a fit with these options needs this fitter rather than the plain early-fusion chain.</summary>
    /// <remarks>Regression always takes the plain chain: late fusion, thresholds and over-sampling are for classes.</remarks>
    public static bool IsNeeded(TrainingOptions options, TaskKind task) =>
        task != TaskKind.Regression && (options.Fusion != FusionKind.Early || options.TuneDecisionThreshold || options.OverSampling);

    /// <summary>Checks options against the task and the featurizer before anything is fitted.</summary>
    /// <exception cref="ArgumentException">An option does not apply to the task or the data.</exception>
    public static void Validate(TrainingOptions options, TaskKind task, FeaturizationPipeline featurization, string labelColumn)
    {
        if (options.StackingFolds < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.StackingFolds, $"TrainingOptions.StackingFolds must be at least 2 (the out-of-fold predictions need 2 or more folds), e.g. 5; got {options.StackingFolds}.");
        }

        if (task == TaskKind.Regression && options.Fusion == FusionKind.Late)
        {
            throw new ArgumentException($"Late fusion stacks per-modality classifiers, but '{labelColumn}' is a regression target. Use early fusion (TrainingOptions.Fusion = FusionKind.Early).");
        }

        if (options.TuneDecisionThreshold && task != TaskKind.Binary)
        {
            throw new ArgumentException($"Decision-threshold tuning applies to binary tasks; '{labelColumn}' is a {task} task. Turn it off, or use class weighting or over-sampling for imbalance.");
        }

        if (options.OverSampling && task == TaskKind.Regression)
        {
            throw new ArgumentException($"Over-sampling balances classes, but '{labelColumn}' is a regression target with no classes. Turn it off.");
        }

        if (options.Fusion == FusionKind.Late && ModalityGroups.Of(featurization).Count < 2)
        {
            var present = ModalityGroups.Of(featurization).Select(m => m.Modality.ToString().ToLowerInvariant()).ToList();
            throw new ArgumentException(
                $"Late fusion needs at least two modalities with features, but the featurizer has only {string.Join(", ", present)}. " +
                "Add an image, text or metadata column (or FeaturizerOptions.Modalities), or use TrainingOptions.Fusion = FusionKind.Early.");
        }
    }

    /// <summary>Fits the model.</summary>
    /// <param name="buildAlternative">With <see cref="FusionKind.Auto"/>, also fit the fusion that lost, so an evaluation can
    /// report both on its test rows; the choice itself never sees them.</param>
    /// <param name="cancellationToken">Checked before every inner fit.</param>
    public FittedModel Fit(bool buildAlternative, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var encoded = _labelEncoding.Fit(_train.DataView).Transform(_train.DataView);
        var featurizer = _featurization.Estimator.Fit(encoded);
        var featurized = featurizer.Transform(encoded);
        var modalityGroups = ModalityGroups.Of(_featurization);
        var modalities = modalityGroups.Select(m => m.Modality).ToList();
        bool canLate = _task != TaskKind.Regression && modalities.Count >= 2;
        bool late = canLate && _options.Fusion is FusionKind.Late or FusionKind.Auto;
        bool early = _options.Fusion is FusionKind.Early or FusionKind.Auto || !canLate;
        bool tune = _options.TuneDecisionThreshold && _task == TaskKind.Binary;
        bool needFolds = late || tune;

        var modalityConcat = late ? ConcatenateModalities(modalityGroups, featurized) : null;
        var view = modalityConcat?.Transform(featurized) ?? featurized;
        var columns = new List<string>();
        if (early)
        {
            columns.Add(ModelColumns.Features);
        }

        if (late)
        {
            columns.AddRange(modalities.Select(FusionColumns.ModalityFeatures));
        }

        var set = new FusionTrainingSet(_ml, _train, encoded, _trainer, _options, FeatureMatrix.Read(view, columns, _train.RowCount, cancellationToken));
        var folds = new OutOfFoldScorer(needFolds ? StackingSplits.Create(_train, _options) : [], _train.RowCount);
        var earlyOutOfFold = needFolds && early ? EarlyOutOfFold(set, folds, cancellationToken) : null;
        var lateScores = late
            ? LateFusionScores.Compute(set, new StackerFitter(_ml, set, _trainer.Get(TrainerFactory.ClassWeightingParameter) is >= 0.5), modalities, folds, cancellationToken)
            : null;

        FusionSelection? selection = null;
        var chosen = late && !early ? FusionKind.Late : FusionKind.Early;
        if (late && early)
        {
            selection = FusionSelector.Select(set, _options.Objective, earlyOutOfFold!, lateScores!.StackedProbabilities, folds.Splits.Count);
            chosen = selection.Chosen;
        }

        var chosenOutOfFold = chosen == FusionKind.Late ? lateScores?.StackedProbabilities : earlyOutOfFold;
        ThresholdTuning? threshold = null;
        if (tune)
        {
            // Forward-chaining folds leave the earliest rows unscored; the threshold is tuned on the rows they score.
            var scored = FusionTrainingSet.ScoredRows(chosenOutOfFold!);
            threshold = ThresholdTuner.Tune(scored.Select(r => set.Truth[r]).ToList(), scored.Select(r => chosenOutOfFold![r][1]).ToList(), _options.Objective);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var chain = new FusedChainBuilder(_ml, set, featurizer, featurized, modalityConcat, modalities);
        ITransformer Build(FusionKind kind)
        {
            var built = kind == FusionKind.Early ? chain.Early() : chain.Late(lateScores!.Stacker, cancellationToken);
            return threshold is null ? built : DecisionThresholdStep.Append(_ml, built, threshold.Threshold, _train.DataView);
        }

        var model = Build(chosen);
        var alternative = buildAlternative && selection is not null ? Build(chosen == FusionKind.Early ? FusionKind.Late : FusionKind.Early) : null;
        var summary = new FusionSummary
        {
            Kind = chosen,
            Requested = _options.Fusion,
            StackingFolds = folds.Splits.Count,
            ModalityWeights = lateScores?.Weights ?? [],
            Stacker = chosen == FusionKind.Late ? lateScores!.Coefficients : null,
            Selection = selection,
            Validation = !needFolds ? null
                : chosen == FusionKind.Late ? selection?.Late ?? set.Metrics(lateScores!.StackedProbabilities)
                : selection?.Early ?? set.Metrics(earlyOutOfFold!),
        };
        return new FittedModel(model, summary, threshold, alternative);
    }

    /// <summary>Early fusion's out-of-fold probabilities of every training row; <c>null</c> entries for the earliest block
    /// when the folds chain forward in time (late fusion, which needs every row, is refused then).</summary>
    private static float[][] EarlyOutOfFold(FusionTrainingSet set, OutOfFoldScorer folds, CancellationToken cancellationToken) =>
        folds.Score(
            (fold, train) => set.FitLearner(ModelColumns.Features, set.Rows(train, fold + 1)),
            test => set.View(ModelColumns.Features, test),
            (scored, _) => ScoredOutput.ReadProbabilities(scored, set.Task, set.ClassLabels.Count),
            cancellationToken).Select(p => p!).ToArray();

    /// <summary>Fits the step writing each modality's features, its groups concatenated, to <see cref="FusionColumns.ModalityFeatures"/>.</summary>
    private ITransformer ConcatenateModalities(List<(Modality Modality, List<string> Outputs)> modalities, IDataView featurized)
    {
        IEstimator<ITransformer> concat = new EstimatorChain<ITransformer>();
        foreach (var (modality, outputs) in modalities)
        {
            concat = concat.Append(_ml.Transforms.Concatenate(FusionColumns.ModalityFeatures(modality), outputs.ToArray()));
        }

        return concat.Fit(featurized);
    }
}
