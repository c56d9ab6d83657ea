using CrossModalML.Data;
using CrossModalML.Evaluation;
using CrossModalML.Featurization;
using CrossModalML.Packaging;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace CrossModalML.Training.Fusion;

/// <summary>What late fusion learns from out-of-fold scores: each modality model's out-of-fold scores, the stacker fitted
/// on them, and the stacker's own cross-validated probabilities (its validation).</summary>
/// <param name="StackedProbabilities">Each training row's probabilities from a stacker that never saw the row.</param>
/// <param name="Stacker">The stacker fitted on every row's out-of-fold scores.</param>
/// <param name="Coefficients">The stacker's coefficients, for reports and per-post contributions.</param>
/// <param name="Weights">Each modality's share of the stacker and its own out-of-fold metrics.</param>
internal sealed record LateFusionScores(float[][] StackedProbabilities, ITransformer Stacker, StackerCoefficients Coefficients, IReadOnlyList<ModalityWeight> Weights)
{
    /// <summary>Scores every modality out of fold, then fits and cross-validates the stacker over the same folds.</summary>
    /// <param name="set">The training rows, featurized per modality.</param>
    /// <param name="stackers">Fits the stacker.</param>
    /// <param name="modalities">The modalities, in stacking order.</param>
    /// <param name="folds">The out-of-fold folds.</param>
    /// <param name="cancellationToken">Checked before every fold.</param>
    public static LateFusionScores Compute(
        FusionTrainingSet set, StackerFitter stackers, IReadOnlyList<Modality> modalities, OutOfFoldScorer folds, CancellationToken cancellationToken)
    {
        int width = set.Task == TaskKind.Binary ? 1 : set.ClassLabels.Count;
        var stack = Enumerable.Range(0, set.RowCount).Select(_ => new float[modalities.Count * width]).ToArray();
        var validations = new List<EvaluationMetrics>();
        for (int m = 0; m < modalities.Count; m++)
        {
            var column = FusionColumns.ModalityFeatures(modalities[m]);
            var scored = folds.Score(
                (fold, train) => set.FitLearner(column, set.Rows(train, fold + 1)),
                test => set.View(column, test),
                (view, _) => ReadScores(view, width).Zip(ScoredOutput.ReadProbabilities(view, set.Task, set.ClassLabels.Count)).ToList(),
                cancellationToken);
            for (int row = 0; row < set.RowCount; row++)
            {
                Array.Copy(scored[row].First, 0, stack[row], m * width, width);
            }

            validations.Add(set.Metrics(scored.Select(s => s.Second).ToList()));
        }

        // The stacker's own validation: cross-validated over the same folds, on the out-of-fold scores.
        var stackMatrix = FeatureMatrix.Dense(stack);
        var stacked = folds.Score(
            (fold, train) => stackers.Fit(stackMatrix, set.Rows(train, fold + 1)).Stacker,
            test => set.View(FusionColumns.StackerFeatures, stackMatrix, test),
            (view, _) => ScoredOutput.ReadProbabilities(view, set.Task, set.ClassLabels.Count),
            cancellationToken);

        var (stacker, weights, biases) = stackers.Fit(stackMatrix, set.AllRows);
        var coefficients = DescribeStacker(set.ClassLabels, modalities, width, stack, weights, biases);
        var shares = coefficients.ModalityShares();
        return new LateFusionScores(
            stacked.Select(p => p!).ToArray(),
            stacker,
            coefficients,
            modalities.Select((modality, i) => new ModalityWeight(modality, shares[i], set.Dimensions(FusionColumns.ModalityFeatures(modality)), validations[i])).ToList());
    }

    private static StackerCoefficients DescribeStacker(
        IReadOnlyList<string> classLabels, IReadOnlyList<Modality> modalities, int width, float[][] stack, IReadOnlyList<IReadOnlyList<double>> weights, IReadOnlyList<double> biases)
    {
        var (means, deviations) = Moments(stack);
        var inputs = new List<string>();
        var inputModalities = new List<Modality>();
        foreach (var modality in modalities)
        {
            for (int c = 0; c < width; c++)
            {
                inputs.Add(width == 1 ? modality.ToString() : $"{modality}:{classLabels[c]}");
                inputModalities.Add(modality);
            }
        }

        return new StackerCoefficients
        {
            Modalities = modalities.ToList(),
            ScoreColumns = modalities.Select(FusionColumns.ModalityScore).ToList(),
            Inputs = inputs,
            InputModalities = inputModalities,
            Weights = weights,
            Biases = biases,
            InputMeans = means,
            InputDeviations = deviations,
        };
    }

    /// <summary>Each row's raw score (a margin for binary, class scores for multiclass); a NaN reads as 0.</summary>
    private static float[][] ReadScores(IDataView scored, int width) =>
        ScoredOutput.ReadRaw(scored, ModelColumns.Score, width).Select(row => row.Select(v => float.IsNaN(v) ? 0 : v).ToArray()).ToArray();

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
}
