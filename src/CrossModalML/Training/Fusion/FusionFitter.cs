using System.Globalization;
using CrossModalML.Data;
using CrossModalML.Featurization;
using CrossModalML.Training.Imbalance;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using CrossModalML.Evaluation;
using CrossModalML.Packaging;

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
/// <para><b>Saved chain.</b> Late fusion saves featurizer → one concatenation per modality → per modality: (normaliser)
/// → trainer → score copied to <see cref="FusionColumns.ModalityScore"/> → concatenation into
/// <see cref="FusionColumns.StackerFeatures"/> → stacker (L-BFGS logistic regression or maximum entropy) → for
/// multiclass, key-to-text. Early fusion saves featurizer → (normaliser) → trainer → key-to-text.</para>
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
    private readonly IReadOnlyList<string> _labels;
    private readonly int[] _truth;
    private ITransformer? _encoder;

    public FusionFitter(MLContext ml, PostDataset train, FeaturizationPipeline featurization, IEstimator<ITransformer> labelEncoding, TrainerSpec trainer, TrainingOptions options)
    {
        _ml = ml;
        _train = train;
        _featurization = featurization;
        _labelEncoding = labelEncoding;
        _trainer = trainer;
        _options = options;
        _task = train.Task;
        _labels = train.GetLabels();
        var index = train.ClassLabels.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        _truth = _labels.Select(l => index[l]).ToArray();
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

        if (options.Fusion == FusionKind.Late && Modalities(featurization).Count < 2)
        {
            var present = Modalities(featurization).Select(m => m.Modality.ToString().ToLowerInvariant()).ToList();
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
        _encoder = _labelEncoding.Fit(_train.DataView);
        var encoded = _encoder.Transform(_train.DataView);
        var featurizer = _featurization.Estimator.Fit(encoded);
        var featurized = featurizer.Transform(encoded);
        var modalities = Modalities(_featurization);
        bool canLate = _task != TaskKind.Regression && modalities.Count >= 2;
        bool late = canLate && _options.Fusion is FusionKind.Late or FusionKind.Auto;
        bool early = _options.Fusion is FusionKind.Early or FusionKind.Auto || !canLate;
        bool tune = _options.TuneDecisionThreshold && _task == TaskKind.Binary;
        bool needFolds = late || tune;

        ITransformer? modalityConcat = null;
        var view = featurized;
        if (late)
        {
            IEstimator<ITransformer> concat = new EstimatorChain<ITransformer>();
            foreach (var (modality, outputs) in modalities)
            {
                concat = concat.Append(_ml.Transforms.Concatenate(FusionColumns.ModalityFeatures(modality), outputs.ToArray()));
            }

            modalityConcat = concat.Fit(featurized);
            view = modalityConcat.Transform(featurized);
        }

        var columns = new List<string>();
        if (early)
        {
            columns.Add(ModelColumns.Features);
        }

        if (late)
        {
            columns.AddRange(modalities.Select(m => FusionColumns.ModalityFeatures(m.Modality)));
        }

        var cache = ReadVectors(view, columns, cancellationToken);
        var splits = needFolds ? InnerSplits() : [];
        var all = TrainingRows(Enumerable.Range(0, _train.RowCount).ToArray(), salt: 0);

        float[][]? earlyOof = null;
        LateOutOfFold? lateOof = null;
        if (needFolds && early)
        {
            earlyOof = new float[_train.RowCount][];
            for (int f = 0; f < splits.Count; f++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var foldModel = Learner(ModelColumns.Features).Fit(View(ModelColumns.Features, cache, TrainingRows(splits[f].Train, f + 1)));
                var probabilities = ScoredOutput.ReadProbabilities(foldModel.Transform(View(ModelColumns.Features, cache, splits[f].Test)), _task, _train.ClassLabels.Count);
                for (int i = 0; i < splits[f].Test.Count; i++)
                {
                    earlyOof[splits[f].Test[i]] = probabilities[i];
                }
            }
        }

        if (late)
        {
            lateOof = LateOutOfFoldScores(modalities, cache, splits, cancellationToken);
        }

        FusionSelection? selection = null;
        var chosen = late && !early ? FusionKind.Late : FusionKind.Early;
        if (late && early)
        {
            selection = Select(earlyOof!, lateOof!.StackedProbabilities, splits.Count);
            chosen = selection.Chosen;
        }

        ThresholdTuning? threshold = null;
        if (tune)
        {
            var probabilities = chosen == FusionKind.Late ? lateOof!.StackedProbabilities : earlyOof!;
            threshold = ThresholdTuner.Tune(_truth, probabilities.Select(p => p[1]).ToList(), _options.Objective);
        }

        cancellationToken.ThrowIfCancellationRequested();
        ITransformer Build(FusionKind kind)
        {
            var parts = new List<ITransformer> { featurizer };
            var current = featurized;
            if (kind == FusionKind.Early)
            {
                var learner = Learner(ModelColumns.Features).Fit(View(ModelColumns.Features, cache, all));
                parts.Add(learner);
                current = learner.Transform(current);
            }
            else
            {
                parts.Add(modalityConcat!);
                current = modalityConcat!.Transform(current);
                foreach (var (modality, _) in modalities)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var column = FusionColumns.ModalityFeatures(modality);
                    var head = Learner(column).Fit(View(column, cache, all));
                    current = head.Transform(current);
                    var copy = _ml.Transforms.CopyColumns(FusionColumns.ModalityScore(modality), ModelColumns.Score).Fit(current);
                    current = copy.Transform(current);
                    parts.Add(head);
                    parts.Add(copy);
                }

                var stackConcat = _ml.Transforms.Concatenate(FusionColumns.StackerFeatures, modalities.Select(m => FusionColumns.ModalityScore(m.Modality)).ToArray()).Fit(current);
                current = stackConcat.Transform(current);
                parts.Add(stackConcat);
                parts.Add(lateOof!.Stacker);
                current = lateOof.Stacker.Transform(current);
            }

            if (_task == TaskKind.Multiclass)
            {
                parts.Add(_ml.Transforms.Conversion.MapKeyToValue(ModelColumns.PredictedLabel).Fit(current));
            }

            return new TransformerChain<ITransformer>(parts.ToArray());
        }

        cancellationToken.ThrowIfCancellationRequested();
        var model = Build(chosen);
        var alternative = buildAlternative && selection is not null ? Build(chosen == FusionKind.Early ? FusionKind.Late : FusionKind.Early) : null;
        var summary = new FusionSummary
        {
            Kind = chosen,
            Requested = _options.Fusion,
            StackingFolds = splits.Count,
            ModalityWeights = lateOof?.Weights ?? [],
            Stacker = chosen == FusionKind.Late ? lateOof!.Coefficients : null,
            Selection = selection,
            Validation = !needFolds ? null
                : chosen == FusionKind.Late ? selection?.Late ?? MetricsCalculator.Classification(_train.ClassLabels, _truth, lateOof!.StackedProbabilities)
                : selection?.Early ?? MetricsCalculator.Classification(_train.ClassLabels, _truth, earlyOof!),
        };
        return new FittedModel(model, summary, threshold, alternative);
    }

    /// <summary>The featurizer's groups by modality, in the order the modalities first appear.</summary>
    internal static List<(Modality Modality, List<string> Outputs)> Modalities(FeaturizationPipeline featurization) =>
        featurization.Groups
            .GroupBy(g => g.Modality)
            .Select(g => (g.Key, g.Select(x => x.OutputColumn).ToList()))
            .ToList();

    private LateOutOfFold LateOutOfFoldScores(
        List<(Modality Modality, List<string> Outputs)> modalities, Dictionary<string, VBuffer<float>[]> cache, IReadOnlyList<DataSplit> splits, CancellationToken cancellationToken)
    {
        int k = _train.ClassLabels.Count;
        int width = _task == TaskKind.Binary ? 1 : k;
        int n = _train.RowCount;
        var stack = Enumerable.Range(0, n).Select(_ => new float[modalities.Count * width]).ToArray();
        var weights = new List<(Modality Modality, int Dimensions, EvaluationMetrics Validation)>();
        for (int m = 0; m < modalities.Count; m++)
        {
            var column = FusionColumns.ModalityFeatures(modalities[m].Modality);
            var probabilities = new float[n][];
            for (int f = 0; f < splits.Count; f++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var head = Learner(column).Fit(View(column, cache, TrainingRows(splits[f].Train, f + 1)));
                var scored = head.Transform(View(column, cache, splits[f].Test));
                var scores = ReadScores(scored, width);
                var foldProbabilities = ScoredOutput.ReadProbabilities(scored, _task, k);
                for (int i = 0; i < splits[f].Test.Count; i++)
                {
                    int row = splits[f].Test[i];
                    Array.Copy(scores[i], 0, stack[row], m * width, width);
                    probabilities[row] = foldProbabilities[i];
                }
            }

            weights.Add((modalities[m].Modality, cache[column][0].Length, MetricsCalculator.Classification(_train.ClassLabels, _truth, probabilities)));
        }

        // The stacker's own validation: cross-validated over the same folds, on the out-of-fold scores.
        var stacked = new float[n][];
        for (int f = 0; f < splits.Count; f++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (foldStacker, _) = FitStacker(stack, TrainingRows(splits[f].Train, f + 1));
            var probabilities = ScoredOutput.ReadProbabilities(foldStacker.Transform(StackView(stack, splits[f].Test)), _task, k);
            for (int i = 0; i < splits[f].Test.Count; i++)
            {
                stacked[splits[f].Test[i]] = probabilities[i];
            }
        }

        var (stacker, fitted) = FitStacker(stack, TrainingRows(Enumerable.Range(0, n).ToArray(), salt: 0));
        var (means, deviations) = Moments(stack);
        var inputs = new List<string>();
        var inputModalities = new List<Modality>();
        foreach (var (modality, _) in modalities)
        {
            for (int c = 0; c < width; c++)
            {
                inputs.Add(width == 1 ? modality.ToString() : $"{modality}:{_train.ClassLabels[c]}");
                inputModalities.Add(modality);
            }
        }

        var coefficients = new StackerCoefficients
        {
            Modalities = modalities.Select(m => m.Modality).ToList(),
            ScoreColumns = modalities.Select(m => FusionColumns.ModalityScore(m.Modality)).ToList(),
            Inputs = inputs,
            InputModalities = inputModalities,
            Weights = fitted.Weights,
            Biases = fitted.Biases,
            InputMeans = means,
            InputDeviations = deviations,
        };
        var shares = coefficients.ModalityShares();
        return new LateOutOfFold(
            stacked,
            stacker,
            coefficients,
            weights.Select((w, i) => new ModalityWeight(w.Modality, shares[i], w.Dimensions, w.Validation)).ToList());
    }

    private (ITransformer Stacker, (IReadOnlyList<IReadOnlyList<double>> Weights, IReadOnlyList<double> Biases) Coefficients) FitStacker(float[][] stack, IReadOnlyList<int> rows)
    {
        var view = StackView(stack, rows);
        bool weighted = _trainer.Get(TrainerFactory.ClassWeightingParameter) is >= 0.5;
        string? weightColumn = weighted ? ModelColumns.ClassWeight : null;

        // Light L2 and no L1: the stacker has a handful of inputs, and a modality should lose weight smoothly rather than be cut.
        if (_task == TaskKind.Binary)
        {
            var binary = _ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
            {
                LabelColumnName = ModelColumns.EncodedLabel,
                FeatureColumnName = FusionColumns.StackerFeatures,
                ExampleWeightColumnName = weightColumn,
                L1Regularization = 0,
                L2Regularization = 1,
            }).Fit(view);
            var linear = binary.Model.SubModel;
            return (binary, ([linear.Weights.Select(w => (double)w).ToArray()], [linear.Bias]));
        }

        var multiclass = _ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = ModelColumns.EncodedLabel,
            FeatureColumnName = FusionColumns.StackerFeatures,
            ExampleWeightColumnName = weightColumn,
            L1Regularization = 0,
            L2Regularization = 1,
        }).Fit(view);
        VBuffer<float>[] classWeights = [];
        multiclass.Model.GetWeights(ref classWeights, out _);
        var rowsOfWeights = classWeights.Select(w =>
        {
            var dense = new float[stack[0].Length];
            w.CopyTo(dense);
            return (IReadOnlyList<double>)dense.Select(v => (double)v).ToArray();
        }).ToArray();
        return (multiclass, (rowsOfWeights, multiclass.Model.GetBiases().Select(b => (double)b).ToArray()));
    }

    private FusionSelection Select(float[][] early, float[][] late, int folds)
    {
        var earlyMetrics = MetricsCalculator.Classification(_train.ClassLabels, _truth, early);
        var lateMetrics = MetricsCalculator.Classification(_train.ClassLabels, _truth, late);
        double earlyScore = Read(earlyMetrics), lateScore = Read(lateMetrics);
        var chosen = lateScore > earlyScore ? FusionKind.Late : FusionKind.Early;
        string metric = _options.Objective == ClassificationObjective.MacroF1 ? "macro-F1" : "accuracy";
        string reason = chosen == FusionKind.Late
            ? string.Create(CultureInfo.InvariantCulture, $"late fusion wins: {metric} {lateScore:0.0000} vs {earlyScore:0.0000} for early fusion (+{lateScore - earlyScore:0.0000})")
            : string.Create(CultureInfo.InvariantCulture, $"early fusion wins: {metric} {earlyScore:0.0000} vs {lateScore:0.0000} for late fusion ({(lateScore == earlyScore ? "a tie keeps the single model" : $"+{earlyScore - lateScore:0.0000}")})");
        reason += string.Create(CultureInfo.InvariantCulture, $", on {folds}-fold out-of-fold predictions of the {_train.RowCount:N0} training rows");
        return new FusionSelection
        {
            Objective = _options.Objective,
            Early = earlyMetrics,
            Late = lateMetrics,
            EarlyScore = earlyScore,
            LateScore = lateScore,
            Chosen = chosen,
            Reason = reason,
        };
    }

    private double Read(EvaluationMetrics metrics) =>
        _options.Objective == ClassificationObjective.Accuracy ? metrics.Accuracy ?? 0 : metrics.MacroF1 ?? 0;

    private IReadOnlyList<DataSplit> InnerSplits()
    {
        var evaluation = new EvaluationOptions
        {
            Strategy = EvaluationStrategy.CrossValidation,
            Folds = _options.StackingFolds,
            GroupColumn = _options.Evaluation.GroupColumn,
        };
        if (evaluation.GroupColumn is { } group)
        {
            // Fewer groups than folds (three training events, say) means leave-one-group-out.
            int groups = _train.GetColumnValues(group).Distinct(StringComparer.Ordinal).Count();
            if (groups < 2)
            {
                throw new ArgumentException(
                    $"The out-of-fold predictions are grouped by '{group}', but the training rows have {groups} distinct value(s) of it; at least 2 are needed. Clear EvaluationOptions.GroupColumn, or use TrainingOptions.Fusion = FusionKind.Early without TrainingOptions.TuneDecisionThreshold.");
            }

            evaluation.Folds = Math.Min(evaluation.Folds, groups);
        }

        return evaluation.CreateSplits(_train, _options.Seed).Splits;
    }

    /// <summary>The rows a model is fitted on: as given, or over-sampled when the option is on (never the rows it scores).</summary>
    private IReadOnlyList<int> TrainingRows(IReadOnlyList<int> rows, int salt) =>
        _options.OverSampling ? RandomOverSampler.Resample(_labels, rows, unchecked(_options.Seed * 31 + salt)) : rows;

    private IEstimator<ITransformer> Learner(string featureColumn)
    {
        IEstimator<ITransformer> chain = new EstimatorChain<ITransformer>();
        if (TrainerFactory.NeedsNormalization(_trainer.Name))
        {
            chain = chain.Append(_ml.Transforms.NormalizeMinMax(featureColumn));
        }

        return chain.Append(TrainerFactory.Create(_ml, _task, _trainer, ModelColumns.EncodedLabel, featureColumn));
    }

    private Dictionary<string, VBuffer<float>[]> ReadVectors(IDataView view, IReadOnlyList<string> columns, CancellationToken cancellationToken)
    {
        var result = columns.ToDictionary(c => c, _ => new VBuffer<float>[_train.RowCount], StringComparer.Ordinal);
        var schemaColumns = columns.Select(c => view.Schema[c]).ToArray();
        using var cursor = view.GetRowCursor(schemaColumns);
        var getters = schemaColumns.Select(c => cursor.GetGetter<VBuffer<float>>(c)).ToArray();
        var buffer = default(VBuffer<float>);
        int row = 0;
        while (cursor.MoveNext())
        {
            if ((row & 255) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            for (int c = 0; c < columns.Count; c++)
            {
                getters[c](ref buffer);
                var copy = default(VBuffer<float>);
                buffer.CopyTo(ref copy);
                result[columns[c]][row] = copy;
            }

            row++;
        }

        return result;
    }

    private IDataView View(string column, Dictionary<string, VBuffer<float>[]> cache, IReadOnlyList<int> rows)
    {
        var vectors = cache[column];
        return Encoded(column, vectors[0].Length, rows.Select(i => new VectorRow { Label = _labels[i], Vector = vectors[i] }));
    }

    private IDataView StackView(float[][] stack, IReadOnlyList<int> rows) =>
        Encoded(FusionColumns.StackerFeatures, stack[0].Length, rows.Select(i => new VectorRow { Label = _labels[i], Vector = new VBuffer<float>(stack[i].Length, stack[i]) }));

    /// <summary>An in-memory view of the label text and one vector column, through the fitted label encoding, so the encoded
    /// label carries its class names as the real pipeline's does.</summary>
    private IDataView Encoded(string column, int length, IEnumerable<VectorRow> rows)
    {
        var definition = SchemaDefinition.Create(typeof(VectorRow));
        definition[nameof(VectorRow.Label)].ColumnName = _train.LabelColumn!;
        definition[nameof(VectorRow.Vector)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, length);
        definition[nameof(VectorRow.Vector)].ColumnName = column;
        return _encoder!.Transform(_ml.Data.LoadFromEnumerable(rows.ToList(), definition));
    }

    private static float[][] ReadScores(IDataView scored, int width)
    {
        var column = scored.Schema[ModelColumns.Score];
        var result = new List<float[]>();
        using var cursor = scored.GetRowCursor([column]);
        if (width == 1)
        {
            var getter = cursor.GetGetter<float>(column);
            float value = 0;
            while (cursor.MoveNext())
            {
                getter(ref value);
                result.Add([float.IsNaN(value) ? 0 : value]);
            }
        }
        else
        {
            var getter = cursor.GetGetter<VBuffer<float>>(column);
            var buffer = default(VBuffer<float>);
            while (cursor.MoveNext())
            {
                getter(ref buffer);
                var dense = new float[width];
                buffer.CopyTo(dense);
                result.Add(dense.Select(v => float.IsNaN(v) ? 0 : v).ToArray());
            }
        }

        return result.ToArray();
    }

    private static (double[] Means, double[] Deviations) Moments(float[][] stack)
    {
        int width = stack[0].Length;
        var means = new double[width];
        var deviations = new double[width];
        for (int j = 0; j < width; j++)
        {
            double mean = stack.Average(r => (double)r[j]);
            means[j] = mean;
            deviations[j] = Math.Sqrt(stack.Average(r => (r[j] - mean) * (r[j] - mean)));
        }

        return (means, deviations);
    }

    private sealed record LateOutOfFold(float[][] StackedProbabilities, ITransformer Stacker, StackerCoefficients Coefficients, IReadOnlyList<ModalityWeight> Weights);

    private sealed class VectorRow
    {
        public string Label { get; set; } = string.Empty;

        public VBuffer<float> Vector { get; set; }
    }
}
