using CrossModalML.Data;
using CrossModalML.Featurization;
using CrossModalML.Training;
using CrossModalML.Packaging;

namespace CrossModalML.AutoML;

/// <summary>The standard search space per task: the one declarative place that lists candidate trainers, their
/// hyperparameter ranges, scales and cheap starting points, and the featurizer dimensions.</summary>
/// <remarks>
/// <para>Starting points follow FLAML's low-cost initialisation: few trees and leaves, few iterations, strong
/// regularisation, so the first trial of every trainer is cheap and the search grows cost only where it pays. L-BFGS
/// starts with almost no L1 and a light L2 on block-scaled features, the best single setting measured on text + image posts.</para>
/// <para>Tree and leaf counts are capped at min(32,768, rows): more leaves than rows cannot be used, and ML.NET's own
/// AutoML runs out of memory with uncapped counts.</para>
/// <para>Featurizer dimensions are searched only when they can matter: text dimensions when a text column is featurized,
/// the image switch when an ONNX model was given and an image column is featurized, a modality weight when that modality
/// is featurized. Text starts at word unigrams with character 1–5-grams and block scaling (image weight 1): on MVSA this
/// start beat the plain featurizer default (words 1–2, characters 1–4, min–max) on held-out posts, and the search moves
/// from there (docs/benchmarks.md). The image switch and the modality weights start at the user's settings.</para>
/// </remarks>
internal static class SearchSpaceCatalog
{
    /// <summary>Upper bound of tree and leaf counts, whatever the row count.</summary>
    public const int MaxTreesOrLeaves = 32_768;

    /// <summary>Where the word n-gram dimension starts: unigrams only.</summary>
    public const int StartWordNgramLength = 1;

    /// <summary>Where the character n-gram dimension starts: character 1- to 5-grams.</summary>
    public const int StartCharNgramLength = 5;

    /// <summary>Whether the word-vector dimension (searched only when the user gave word vectors) starts on.</summary>
    public const bool StartWithWordVectors = true;

    /// <summary>Builds the standard search space.</summary>
    /// <param name="task">Binary, multiclass or regression.</param>
    /// <param name="rowCount">Training rows; caps tree and leaf counts.</param>
    /// <param name="columns">The data's columns and roles, to decide which featurizer dimensions matter.</param>
    /// <param name="baseFeaturizer">The user's featurizer options: the featurizer dimensions start there.</param>
    /// <param name="startWithClassWeights">Start classifiers with balanced class weights on (for imbalanced classes scored by macro-F1).</param>
    /// <exception cref="ArgumentException">The task is not resolved.</exception>
    public static SearchSpace For(TaskKind task, int rowCount, IReadOnlyList<ColumnSchema> columns, FeaturizerOptions baseFeaturizer, bool startWithClassWeights = false)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(baseFeaturizer);
        int cap = Math.Clamp(rowCount, 4, MaxTreesOrLeaves);
        IReadOnlyList<TrainerSearchSpace> trainers = task switch
        {
            TaskKind.Binary =>
            [
                Lbfgs(TrainerNames.LbfgsLogisticRegression),
                LightGbm(cap),
                Sdca(TrainerNames.SdcaLogisticRegression),
                FastTree(TrainerNames.FastTree, cap, relativeCost: 1.5),
                FastForest(cap, relativeCost: 1.5),
                AveragedPerceptron(),
                LinearSvm(),
            ],
            TaskKind.Multiclass =>
            [
                Lbfgs(TrainerNames.LbfgsMaximumEntropy),
                LightGbm(cap),
                Sdca(TrainerNames.SdcaMaximumEntropy),

                // One-versus-all fits one binary model per class, hence the higher cost.
                FastTree(TrainerNames.FastTree, cap, relativeCost: 3),
                FastForest(cap, relativeCost: 3),
            ],
            TaskKind.Regression =>
            [
                LightGbm(cap),
                Sdca(TrainerNames.Sdca),
                FastTree(TrainerNames.FastTree, cap, relativeCost: 1.5),
                FastTree(TrainerNames.FastTreeTweedie, cap, relativeCost: 1.5),
                FastForest(cap, relativeCost: 1.5),
                Lbfgs(TrainerNames.LbfgsPoissonRegression),
            ],
            _ => throw new ArgumentException($"Task '{task}' must be resolved to Binary, Multiclass or Regression before searching.", nameof(task)),
        };
        if (task != TaskKind.Regression)
        {
            // Balanced class weights trade accuracy on the majority class for recall on rare ones: worth searching
            // whenever the metric is macro-F1. Trainers that take no example weights (or ignore them) are searched without.
            trainers = trainers.Select(t => !TrainerFactory.TakesClassWeights(t.TrainerName) ? t : t with
            {
                Hyperparameters = [.. t.Hyperparameters, new HyperparameterRange(TrainerFactory.ClassWeightingParameter, 0, 1, startWithClassWeights ? 1 : 0, isInteger: true)],
            }).ToList();
        }

        return new SearchSpace(trainers, FeaturizerDimensions(columns, baseFeaturizer));
    }

    private static List<HyperparameterRange> FeaturizerDimensions(IReadOnlyList<ColumnSchema> columns, FeaturizerOptions options)
    {
        var dimensions = new List<HyperparameterRange>();
        if (options.Modalities.HasFlag(Modality.Text) && columns.Any(c => c.Role == ColumnRole.Text))
        {
            dimensions.Add(new(FeaturizerChoice.WordNgramLengthName, 1, 3, StartWordNgramLength, isInteger: true));
            dimensions.Add(new(FeaturizerChoice.UseCharNgramsName, 0, 1, 1, isInteger: true));
            dimensions.Add(new(FeaturizerChoice.CharNgramLengthName, 3, 5, StartCharNgramLength, isInteger: true));
            if (options.Text.WordVectors is not null)
            {
                dimensions.Add(new(FeaturizerChoice.WordVectorsName, 0, 1, StartWithWordVectors ? 1 : 0, isInteger: true));
            }

            // Like word vectors, searched only when the user chose an encoder: it costs an encoding of every post.
            if (options.Text.SentenceEncoder != SentenceEncoderKind.None)
            {
                dimensions.Add(new(FeaturizerChoice.SentenceEncoderName, 0, 1, 1, isInteger: true));
            }
        }

        bool hasImages = options.Modalities.HasFlag(Modality.Image) && columns.Any(c => c.Role == ColumnRole.Image);
        if (hasImages && options.Image.Onnx is not null)
        {
            dimensions.Add(new(FeaturizerChoice.OnnxImageFeaturesName, 0, 1, options.Image.Kind == ImageFeaturizerKind.Onnx ? 1 : 0, isInteger: true));
        }
        else if (hasImages && options.Image.Kind == ImageFeaturizerKind.ResNet18)
        {
            dimensions.Add(new(FeaturizerChoice.ResNet18ImageFeaturesName, 0, 1, 1, isInteger: true));
        }

        // Block scaling starts on: it fits faster and ranks higher than min-max on text + image posts (docs/benchmarks.md).
        // The modality weights matter only with it, and only when the modality is there to weigh against the text.
        dimensions.Add(new(FeaturizerChoice.BlockScalingName, 0, 1, 1, isInteger: true));
        if (hasImages)
        {
            dimensions.Add(new(FeaturizerChoice.ImageWeightName, 1.0 / 8, 8, Math.Clamp(options.ImageWeight, 1.0 / 8, 8), logScale: true));
        }

        if (options.Modalities.HasFlag(Modality.Metadata) && columns.Any(c => c.Role is ColumnRole.Numeric or ColumnRole.Categorical or ColumnRole.Timestamp))
        {
            dimensions.Add(new(FeaturizerChoice.MetadataWeightName, 1.0 / 8, 8, Math.Clamp(options.MetadataWeight, 1.0 / 8, 8), logScale: true));
        }

        return dimensions;
    }

    // With block-scaled features the best L2 on text + image posts is about 0.01 and L1 near 0 (docs/benchmarks.md); the
    // range still reaches ML.NET's default of 1 and beyond, where min-max-scaled features and event-shifted text do better.
    private static TrainerSearchSpace Lbfgs(string name) => new(name,
    [
        new("L1Regularization", 1.0 / 16_384, 16, 1.0 / 16_384, logScale: true),
        new("L2Regularization", 1.0 / 16_384, 64, 1.0 / 64, logScale: true),
    ]);

    private static TrainerSearchSpace Sdca(string name) => new(name,
    [
        new("L1Regularization", 1.0 / 1024, 8, 1.0 / 1024, logScale: true),
        new("L2Regularization", 1.0 / 1024, 8, 1, logScale: true),
        new("MaximumNumberOfIterations", 4, 256, 8, logScale: true, isInteger: true, costRelated: true),
    ]);

    private static TrainerSearchSpace AveragedPerceptron() => new(TrainerNames.AveragedPerceptron,
    [
        new("LearningRate", 1.0 / 128, 1, 1, logScale: true),
        new("NumberOfIterations", 1, 128, 4, logScale: true, isInteger: true, costRelated: true),
        new("L2Regularization", 0, 0.5, 0),
    ], RelativeCost: 0.5);

    private static TrainerSearchSpace LinearSvm() => new(TrainerNames.LinearSvm,
    [
        new("Lambda", 1.0 / 65_536, 1, 1.0 / 1024, logScale: true),
        new("NumberOfIterations", 1, 128, 1, logScale: true, isInteger: true, costRelated: true),
    ], RelativeCost: 0.5);

    private static TrainerSearchSpace LightGbm(int cap) => new(TrainerNames.LightGbm,
    [
        new("NumberOfLeaves", 4, cap, 4, logScale: true, isInteger: true, costRelated: true),
        new("NumberOfIterations", 4, cap, 4, logScale: true, isInteger: true, costRelated: true),
        new("LearningRate", 1.0 / 1024, 1, 0.1, logScale: true),
        new("MinimumExampleCountPerLeaf", 2, Math.Max(2, Math.Min(128, cap / 4)), Math.Min(20, Math.Max(2, Math.Min(128, cap / 4))), logScale: true, isInteger: true),
    ]);

    private static TrainerSearchSpace FastTree(string name, int cap, double relativeCost) => new(name,
    [
        new("NumberOfLeaves", 4, cap, 4, logScale: true, isInteger: true, costRelated: true),
        new("NumberOfTrees", 4, cap, 4, logScale: true, isInteger: true, costRelated: true),
        new("LearningRate", 1.0 / 1024, 1, 0.1, logScale: true),
        new("MinimumExampleCountPerLeaf", 2, Math.Max(2, Math.Min(128, cap / 4)), Math.Min(10, Math.Max(2, Math.Min(128, cap / 4))), logScale: true, isInteger: true),
    ], relativeCost);

    private static TrainerSearchSpace FastForest(int cap, double relativeCost) => new(TrainerNames.FastForest,
    [
        new("NumberOfLeaves", 4, cap, 4, logScale: true, isInteger: true, costRelated: true),
        new("NumberOfTrees", 4, cap, 4, logScale: true, isInteger: true, costRelated: true),
        new("MinimumExampleCountPerLeaf", 2, Math.Max(2, Math.Min(128, cap / 4)), Math.Min(10, Math.Max(2, Math.Min(128, cap / 4))), logScale: true, isInteger: true),
    ], relativeCost);
}
