using CrossModalML.Data;
using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;
using CrossModalML.Evaluation;
using CrossModalML.Packaging;

namespace CrossModalML.Training;

/// <summary>Turns a <see cref="TrainerSpec"/> into an ML.NET trainer estimator for a task.</summary>
/// <remarks>
/// Hyperparameter names: L-BFGS trainers take <c>L1Regularization</c>, <c>L2Regularization</c>,
/// <c>OptimizationTolerance</c>, <c>HistorySize</c>; SDCA trainers take <c>L1Regularization</c>,
/// <c>L2Regularization</c>, <c>MaximumNumberOfIterations</c>; <c>AveragedPerceptron</c> takes <c>LearningRate</c>,
/// <c>NumberOfIterations</c>, <c>L2Regularization</c>; <c>LinearSvm</c> takes <c>Lambda</c>, <c>NumberOfIterations</c>;
/// <c>LightGbm</c> takes <c>NumberOfLeaves</c>, <c>NumberOfIterations</c>, <c>LearningRate</c>,
/// <c>MinimumExampleCountPerLeaf</c>; <c>FastTree</c> and <c>FastTreeTweedie</c> take <c>NumberOfLeaves</c>,
/// <c>NumberOfTrees</c>, <c>LearningRate</c>, <c>MinimumExampleCountPerLeaf</c>; <c>FastForest</c> takes
/// <c>NumberOfLeaves</c>, <c>NumberOfTrees</c>, <c>MinimumExampleCountPerLeaf</c>. An unknown name is an error, so a
/// typo never silently falls back to a default.
/// </remarks>
public static class TrainerFactory
{
    /// <summary>The hyperparameter that turns on balanced class weights (1) or leaves them off (0, the default).</summary>
    /// <remarks>Each training row is weighted by rows / (classes × rows of its class), so every class weighs the same in
    /// the loss. Classification only, and only for trainers that use example weights (not the averaged perceptron or the
    /// linear SVM, see <see cref="TakesClassWeights"/>).</remarks>
    public const string ClassWeightingParameter = "ClassWeighting";

    private static readonly string[] LbfgsParameters = ["L1Regularization", "L2Regularization", "OptimizationTolerance", "HistorySize"];
    private static readonly string[] SdcaParameters = ["L1Regularization", "L2Regularization", "MaximumNumberOfIterations"];
    private static readonly string[] PerceptronParameters = ["LearningRate", "NumberOfIterations", "L2Regularization"];
    private static readonly string[] SvmParameters = ["Lambda", "NumberOfIterations"];
    private static readonly string[] LightGbmParameters = ["NumberOfLeaves", "NumberOfIterations", "LearningRate", "MinimumExampleCountPerLeaf"];
    private static readonly string[] BoostedTreeParameters = ["NumberOfLeaves", "NumberOfTrees", "LearningRate", "MinimumExampleCountPerLeaf"];
    private static readonly string[] ForestParameters = ["NumberOfLeaves", "NumberOfTrees", "MinimumExampleCountPerLeaf"];

    /// <summary>The trainer used when the user names none: a regularised linear model for classification (fast and
    /// strong on wide sparse text features), LightGBM for regression.</summary>
    /// <param name="task">A resolved task.</param>
    public static TrainerSpec Default(TaskKind task) => task switch
    {
        TaskKind.Binary => new TrainerSpec(TrainerNames.LbfgsLogisticRegression),
        TaskKind.Multiclass => new TrainerSpec(TrainerNames.LbfgsMaximumEntropy),
        TaskKind.Regression => new TrainerSpec(TrainerNames.LightGbm),
        _ => throw new ArgumentException($"Task '{task}' must be resolved to Binary, Multiclass or Regression before choosing a trainer.", nameof(task)),
    };

    /// <summary>The trainer names valid for <paramref name="task"/>.</summary>
    /// <param name="task">A resolved task.</param>
    public static IReadOnlyList<string> NamesFor(TaskKind task) => TrainerNames.For(task);

    /// <summary>Whether the trainer is linear and so needs normalised features to converge quickly.</summary>
    /// <param name="trainerName">A trainer name from <see cref="TrainerNames"/>.</param>
    public static bool NeedsNormalization(string trainerName) => trainerName is
        TrainerNames.LbfgsLogisticRegression or TrainerNames.SdcaLogisticRegression or TrainerNames.AveragedPerceptron or
        TrainerNames.LinearSvm or TrainerNames.LbfgsMaximumEntropy or TrainerNames.SdcaMaximumEntropy or
        TrainerNames.Sdca or TrainerNames.LbfgsPoissonRegression;

    /// <summary>Whether <see cref="ClassWeightingParameter"/> can be turned on for the trainer: it must fit a different model
    /// when rows are weighted. The averaged perceptron takes no weights; ML.NET's linear SVM accepts a weight column and ignores it.</summary>
    /// <param name="trainerName">A trainer name from <see cref="TrainerNames"/>.</param>
    internal static bool TakesClassWeights(string trainerName) => trainerName is not (TrainerNames.AveragedPerceptron or TrainerNames.LinearSvm);

    /// <summary>Builds the trainer estimator. For a tree trainer with a leaf minimum (<see cref="MinimumRowsPerLeaf"/>) it
    /// is preceded by a step that copies the feature slots non-zero (and not missing) in at least that many training rows
    /// to a column of their own, which the trainer reads: no leaf can split on a slot non-zero in fewer rows, so on
    /// features without missing values the same splits stay possible and the fit is faster.</summary>
    /// <param name="mlContext">The context to build in.</param>
    /// <param name="task">A resolved task.</param>
    /// <param name="spec">The trainer and its hyperparameters.</param>
    /// <param name="labelColumnName">The label column: <see cref="bool"/> for binary, a key for multiclass, <see cref="float"/> for regression.</param>
    /// <param name="featureColumnName">The feature vector column.</param>
    /// <exception cref="ArgumentException">The trainer does not fit the task, or a hyperparameter name is unknown.</exception>
    public static IEstimator<ITransformer> Create(MLContext mlContext, TaskKind task, TrainerSpec spec, string labelColumnName, string featureColumnName)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(spec);
        if (!NamesFor(task).Contains(spec.Name))
        {
            throw new ArgumentException(
                $"Trainer '{spec.Name}' cannot be used for a {task} task. Valid trainers: {string.Join(", ", NamesFor(task))}.", nameof(spec));
        }

        CheckParameterNames(spec);
        if (task == TaskKind.Regression && spec.Get(ClassWeightingParameter) is not null)
        {
            throw new ArgumentException($"'{ClassWeightingParameter}' applies to classification; a {task} task has no classes to weigh.", nameof(spec));
        }

        // A tree can only split on a slot whose non-zero rows fill a leaf, so slots non-zero in fewer training rows than
        // the leaf minimum are dropped first: the same splits stay possible, without loading tens of thousands of rare
        // n-gram slots that cost tree trainers most of their time on text (docs/benchmarks.md). The kept slots go to a
        // column of their own, so a chain that runs several heads on the same features (multi-task) keeps them whole.
        int? leaf = MinimumRowsPerLeaf(spec);
        string trainerFeatures = leaf > 1 ? TreeFeatures : featureColumnName;
        var trainer = task switch
        {
            TaskKind.Binary => CreateBinary(mlContext, spec, labelColumnName, trainerFeatures),
            TaskKind.Multiclass => CreateMulticlass(mlContext, spec, labelColumnName, trainerFeatures),
            _ => CreateRegression(mlContext, spec, labelColumnName, trainerFeatures),
        };
        return leaf > 1
            ? mlContext.Transforms.FeatureSelection.SelectFeaturesBasedOnCount(TreeFeatures, featureColumnName, count: leaf.Value).Append(trainer)
            : trainer;
    }

    /// <summary>The column a tree trainer reads: the feature slots it can split on.</summary>
    internal const string TreeFeatures = "__cm_tree_features";

    /// <summary>The fewest training rows a leaf of a tree trainer holds: the spec's <c>MinimumExampleCountPerLeaf</c>, else
    /// ML.NET's default for FastTree and FastForest; <c>null</c> for LightGBM without one (ML.NET then picks it from the
    /// data) and for trainers that are not trees.</summary>
    /// <param name="spec">The trainer and its hyperparameters.</param>
    internal static int? MinimumRowsPerLeaf(TrainerSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        const string name = "MinimumExampleCountPerLeaf";
        return spec.Name switch
        {
            TrainerNames.LightGbm => NullableInt(spec, name),
            TrainerNames.FastTree or TrainerNames.FastTreeTweedie => Int(spec, name, new FastTreeBinaryTrainer.Options().MinimumExampleCountPerLeaf),
            TrainerNames.FastForest => Int(spec, name, new FastForestBinaryTrainer.Options().MinimumExampleCountPerLeaf),
            _ => null,
        };
    }

    private static IEstimator<ITransformer> CreateBinary(MLContext ml, TrainerSpec s, string label, string features)
    {
        var bt = ml.BinaryClassification.Trainers;
        return s.Name switch
        {
            TrainerNames.LbfgsLogisticRegression => bt.LbfgsLogisticRegression(Lbfgs(new LbfgsLogisticRegressionBinaryTrainer.Options(), s, label, features)),
            TrainerNames.SdcaLogisticRegression => bt.SdcaLogisticRegression(Sdca(new SdcaLogisticRegressionBinaryTrainer.Options(), s, label, features)),
            TrainerNames.AveragedPerceptron => bt.AveragedPerceptron(Columns(new AveragedPerceptronTrainer.Options
            {
                LearningRate = Float(s, "LearningRate", 1f),
                NumberOfIterations = Int(s, "NumberOfIterations", 10),
                L2Regularization = Float(s, "L2Regularization", 0f),
            }, s, label, features)),
            TrainerNames.LinearSvm => bt.LinearSvm(Columns(new LinearSvmTrainer.Options
            {
                Lambda = Float(s, "Lambda", 0.001f),
                NumberOfIterations = Int(s, "NumberOfIterations", 1),
            }, s, label, features)),
            TrainerNames.LightGbm => bt.LightGbm(LightGbm(new LightGbmBinaryTrainer.Options(), s, label, features)),
            TrainerNames.FastTree => bt.FastTree(Trees(new FastTreeBinaryTrainer.Options(), s, label, features)),
            _ => bt.FastForest(Trees(new FastForestBinaryTrainer.Options(), s, label, features)),
        };
    }

    private static IEstimator<ITransformer> CreateMulticlass(MLContext ml, TrainerSpec s, string label, string features)
    {
        var mt = ml.MulticlassClassification.Trainers;
        return s.Name switch
        {
            TrainerNames.LbfgsMaximumEntropy => mt.LbfgsMaximumEntropy(Lbfgs(new LbfgsMaximumEntropyMulticlassTrainer.Options(), s, label, features)),
            TrainerNames.SdcaMaximumEntropy => mt.SdcaMaximumEntropy(Sdca(new SdcaMaximumEntropyMulticlassTrainer.Options(), s, label, features)),
            TrainerNames.LightGbm => mt.LightGbm(LightGbm(new LightGbmMulticlassTrainer.Options(), s, label, features)),

            // One-versus-all trains one binary model per class; the binary learner's own label column is set by OVA.
            TrainerNames.FastTree => mt.OneVersusAll(
                ml.BinaryClassification.Trainers.FastTree(Trees(new FastTreeBinaryTrainer.Options(), s, label, features)),
                labelColumnName: label),
            _ => mt.OneVersusAll(
                ml.BinaryClassification.Trainers.FastForest(Trees(new FastForestBinaryTrainer.Options(), s, label, features)),
                labelColumnName: label),
        };
    }

    private static IEstimator<ITransformer> CreateRegression(MLContext ml, TrainerSpec s, string label, string features)
    {
        var rt = ml.Regression.Trainers;
        return s.Name switch
        {
            TrainerNames.LightGbm => rt.LightGbm(LightGbm(new LightGbmRegressionTrainer.Options(), s, label, features)),
            TrainerNames.FastTree => rt.FastTree(Trees(new FastTreeRegressionTrainer.Options(), s, label, features)),
            TrainerNames.FastTreeTweedie => rt.FastTreeTweedie(Trees(new FastTreeTweedieTrainer.Options(), s, label, features)),
            TrainerNames.FastForest => rt.FastForest(Trees(new FastForestRegressionTrainer.Options(), s, label, features)),
            TrainerNames.Sdca => rt.Sdca(Sdca(new SdcaRegressionTrainer.Options(), s, label, features)),
            _ => rt.LbfgsPoissonRegression(Lbfgs(new LbfgsPoissonRegressionTrainer.Options(), s, label, features)),
        };
    }

    private static T Columns<T>(T options, TrainerSpec s, string label, string features)
        where T : TrainerInputBaseWithLabel
    {
        options.LabelColumnName = label;
        options.FeatureColumnName = features;
        if (s.Get(ClassWeightingParameter) is >= 0.5)
        {
            switch (options)
            {
                // The linear SVM declares a weight column but fits the same model with or without it, so weighting
                // it would promise balanced classes and deliver none.
                case TrainerInputBaseWithWeight weighted when s.Name != TrainerNames.LinearSvm:
                    weighted.ExampleWeightColumnName = ModelColumns.ClassWeight;
                    break;
                default:
                    throw new ArgumentException($"Trainer '{s.Name}' does not use example weights, so '{ClassWeightingParameter}' cannot be used with it. Choose another trainer, or turn class weighting off.");
            }
        }

        return options;
    }

    private static T Lbfgs<T>(T options, TrainerSpec s, string label, string features)
        where T : TrainerInputBaseWithLabel
    {
        // The L-BFGS, SDCA and LightGBM option classes each share these members only through a generic nested base
        // that cannot be named here, hence dynamic dispatch; unset hyperparameters keep ML.NET's defaults.
        dynamic o = Columns(options, s, label, features);
        o.L1Regularization = Float(s, "L1Regularization", o.L1Regularization);
        o.L2Regularization = Float(s, "L2Regularization", o.L2Regularization);
        o.OptimizationTolerance = Float(s, "OptimizationTolerance", o.OptimizationTolerance);
        o.HistorySize = Int(s, "HistorySize", o.HistorySize);
        return options;
    }

    private static T Sdca<T>(T options, TrainerSpec s, string label, string features)
        where T : TrainerInputBaseWithLabel
    {
        dynamic o = Columns(options, s, label, features);
        o.L1Regularization = NullableFloat(s, "L1Regularization");
        o.L2Regularization = NullableFloat(s, "L2Regularization");
        o.MaximumNumberOfIterations = NullableInt(s, "MaximumNumberOfIterations");
        return options;
    }

    private static T LightGbm<T>(T options, TrainerSpec s, string label, string features)
        where T : TrainerInputBaseWithLabel
    {
        dynamic o = Columns(options, s, label, features);
        o.NumberOfLeaves = NullableInt(s, "NumberOfLeaves");
        o.NumberOfIterations = Int(s, "NumberOfIterations", 100);
        o.LearningRate = s.Get("LearningRate");
        o.MinimumExampleCountPerLeaf = NullableInt(s, "MinimumExampleCountPerLeaf");
        return options;
    }

    private static T Trees<T>(T options, TrainerSpec s, string label, string features)
        where T : TreeOptions
    {
        Columns(options, s, label, features);
        options.NumberOfLeaves = Int(s, "NumberOfLeaves", options.NumberOfLeaves);
        options.NumberOfTrees = Int(s, "NumberOfTrees", options.NumberOfTrees);
        options.MinimumExampleCountPerLeaf = Int(s, "MinimumExampleCountPerLeaf", options.MinimumExampleCountPerLeaf);
        if (options is BoostedTreeOptions boosted)
        {
            boosted.LearningRate = s.Get("LearningRate") ?? boosted.LearningRate;
        }

        return options;
    }

    private static float Float(TrainerSpec s, string name, float fallback) => (float)(s.Get(name) ?? fallback);

    private static float? NullableFloat(TrainerSpec s, string name) => s.Get(name) is { } v ? (float)v : null;

    private static int Int(TrainerSpec s, string name, int fallback) => s.Get(name) is { } v ? (int)Math.Round(v) : fallback;

    private static int? NullableInt(TrainerSpec s, string name) => s.Get(name) is { } v ? (int)Math.Round(v) : null;

    /// <summary>The hyperparameter names a trainer accepts.</summary>
    /// <param name="trainerName">A trainer name from <see cref="TrainerNames"/>.</param>
    public static IReadOnlyList<string> ParameterNames(string trainerName) => trainerName switch
    {
        TrainerNames.LbfgsLogisticRegression or TrainerNames.LbfgsMaximumEntropy or TrainerNames.LbfgsPoissonRegression => LbfgsParameters,
        TrainerNames.SdcaLogisticRegression or TrainerNames.SdcaMaximumEntropy or TrainerNames.Sdca => SdcaParameters,
        TrainerNames.AveragedPerceptron => PerceptronParameters,
        TrainerNames.LinearSvm => SvmParameters,
        TrainerNames.LightGbm => LightGbmParameters,
        TrainerNames.FastTree or TrainerNames.FastTreeTweedie => BoostedTreeParameters,
        TrainerNames.FastForest => ForestParameters,
        _ => [],
    };

    private static void CheckParameterNames(TrainerSpec spec)
    {
        var valid = ParameterNames(spec.Name).Append(ClassWeightingParameter).ToList();
        var unknown = spec.Parameters.Keys.Where(k => !valid.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException(
                $"Trainer '{spec.Name}' has no hyperparameter {string.Join(", ", unknown.Select(u => $"'{u}'"))}. " +
                $"Valid: {string.Join(", ", valid)}.", nameof(spec));
        }
    }
}
