using System.Globalization;
using MathNet.Numerics.LinearAlgebra;

namespace CrossModalML.Analysis.Retrieval;

/// <summary>Fits the linear part of a shared space by CCA, PLS or a least-squares map, chooses between them on held-back
/// pairs, and scores a fitted space on held-out pairs.</summary>
/// <remarks>Every method is held in a <see cref="CanonicalCorrelationModel"/>: a mean and a projection per side, and one
/// weight per output coordinate. For least squares the text projection is the ridge map onto the image features, the
/// image projection is the identity and every weight is 1, so a text and an image are compared by the cosine of the
/// text's predicted image features and the image's centred features.</remarks>
internal static class SharedSpaceFitter
{
    /// <summary>The share of pairs held back when <see cref="RetrievalMethod.Auto"/> compares the methods.</summary>
    public const double ChoiceFraction = 0.2;

    private const int MinimumChoicePairs = 10;
    private const int ChoiceK = 10;

    /// <summary>The covariance shrinkages λ <see cref="RetrievalMethod.Auto"/> tries for CCA and least squares, beside
    /// <see cref="RetrievalOptions.Regularization"/>. On MVSA with the shipped encoders (256 × 256 dimensions, 2,000
    /// pairs) the held-back recall of CCA rose from λ = 0.01 to 0.6; on the demo set's built-in features 0.01 was best.</summary>
    public static IReadOnlyList<double> RegularizationGrid { get; } = [0.01, 0.1, 0.3, 0.6, 0.9];

    /// <summary>Fits one method; CCA and least squares shrink their covariances by <paramref name="regularization"/>, or by
    /// <see cref="RetrievalOptions.Regularization"/> when it is not given.</summary>
    public static CanonicalCorrelationModel Fit(RetrievalMethod method, Matrix<double> text, Matrix<double> image, RetrievalOptions options, double? regularization = null)
    {
        double lambda = regularization ?? options.Regularization;
        if (method == RetrievalMethod.LeastSquares)
        {
            var map = LeastSquaresMap.Fit(text, image, lambda);
            int width = image.ColumnCount;
            return new CanonicalCorrelationModel(map.SourceMean, map.TargetMean, map.Weights, Matrix<double>.Build.DenseIdentity(width), Enumerable.Repeat(1.0, width).ToArray());
        }

        int components = ChooseComponents(options.Components, text.ColumnCount, image.ColumnCount);
        return method == RetrievalMethod.PartialLeastSquares
            ? PartialLeastSquares.Fit(text, image, components)
            : CanonicalCorrelationAnalysis.Fit(text, image, components, lambda);
    }

    /// <summary>The methods and shrinkages <see cref="RetrievalMethod.Auto"/> compares, the simplest first: a later one is
    /// kept only when it retrieves strictly better. PLS has no shrinkage (its λ is reported as 0).</summary>
    public static IReadOnlyList<(RetrievalMethod Method, double Regularization)> Candidates(RetrievalOptions options)
    {
        var grid = RegularizationGrid.Append(options.Regularization).Distinct().Order().ToList();
        return [.. grid.Select(l => (RetrievalMethod.LeastSquares, l)), .. grid.Select(l => (RetrievalMethod.Cca, l)), (RetrievalMethod.PartialLeastSquares, 0.0)];
    }

    /// <summary>The name reports and messages give a method.</summary>
    public static string ShortName(RetrievalMethod method) => method switch
    {
        RetrievalMethod.Cca => "CCA",
        RetrievalMethod.PartialLeastSquares => "PLS",
        RetrievalMethod.LeastSquares => "least squares",
        _ => "auto",
    };

    /// <summary>Holds back <see cref="ChoiceFraction"/> of the pairs, fits every candidate (least squares and CCA at each
    /// λ of the grid, and PLS) on the rest and returns the one with the highest mean recall@10 of both directions on the
    /// held-back pairs; CCA or PLS only when strictly higher than the best least squares.</summary>
    public static SpaceChoice Choose(Matrix<double> text, Matrix<double> image, RetrievalOptions options)
    {
        int testCount = Math.Max(MinimumChoicePairs, (int)Math.Round(text.RowCount * ChoiceFraction));
        if (text.RowCount - testCount < MinimumChoicePairs)
        {
            return new SpaceChoice(
                RetrievalMethod.LeastSquares,
                options.Regularization,
                $"only {text.RowCount} pairs, too few to compare CCA and PLS with least squares on held-back pairs; least squares is the simplest map",
                options.Regularization,
                options.Regularization);
        }

        var order = Enumerable.Range(0, text.RowCount).ToArray();
        new Random(options.Seed).Shuffle(order);
        var test = order[..testCount];
        var train = order[testCount..];
        var trainText = Rows(text, train);
        var trainImage = Rows(image, train);
        var testText = Rows(text, test);
        var testImage = Rows(image, test);
        var scored = Candidates(options)
            .Select(c => (c.Method, c.Regularization, Recall: MeanRecall(Score(Fit(c.Method, trainText, trainImage, options, c.Regularization), testText, testImage))))
            .ToList();

        // The first of equals wins, so a method (and a λ) must beat the simpler ones before it to be kept.
        (RetrievalMethod Method, double Regularization, double Recall) BestOf(IEnumerable<(RetrievalMethod Method, double Regularization, double Recall)> candidates) =>
            candidates.Aggregate((best, next) => next.Recall > best.Recall ? next : best);
        var best = BestOf(scored);
        var bestPerMethod = scored.GroupBy(c => c.Method).Select(BestOf).ToList();
        string figures = $"recall@{Math.Min(ChoiceK, testCount)} (mean of both directions) on {testCount} held-back pairs: " +
            string.Join(", ", bestPerMethod.Select(c => string.Create(
                CultureInfo.InvariantCulture,
                $"{ShortName(c.Method)} {c.Recall:0.000}{(c.Method == RetrievalMethod.PartialLeastSquares ? string.Empty : $" (λ {c.Regularization:0.##})")}")));
        var reason = best.Method == RetrievalMethod.LeastSquares
            ? $"neither CCA nor PLS beats least squares, {figures}"
            : $"{ShortName(best.Method)} wins, {figures}";
        return new SpaceChoice(
            best.Method,
            best.Regularization,
            reason,
            bestPerMethod.First(c => c.Method == RetrievalMethod.LeastSquares).Regularization,
            bestPerMethod.First(c => c.Method == RetrievalMethod.Cca).Regularization);
    }

    /// <summary>Ranks every held-out image for every held-out text (and the reverse) in the space of <paramref name="model"/>.</summary>
    public static (RetrievalMetrics TextToImage, RetrievalMetrics ImageToText) Score(CanonicalCorrelationModel model, Matrix<double> text, Matrix<double> image)
    {
        var weights = Vector<double>.Build.DenseOfEnumerable(model.Correlations);
        var similarity = Embed(model.TransformX(text), weights) * Embed(model.TransformY(image), weights).Transpose();
        return (
            RetrievalMetrics.FromRanks(RetrievalEvaluator.DiagonalRanks(similarity), text.RowCount),
            RetrievalMetrics.FromRanks(RetrievalEvaluator.DiagonalRanks(similarity.Transpose()), text.RowCount));
    }

    /// <summary>Weights each coordinate and scales each row to unit length; a zero row stays zero (it scores 0 against
    /// everything) rather than becoming NaN, which would compare as neither above nor below its partner.</summary>
    public static Matrix<double> Embed(Matrix<double> coordinates, Vector<double> weights)
    {
        var weighted = coordinates.Clone();
        for (int r = 0; r < weighted.RowCount; r++)
        {
            var row = weighted.Row(r).PointwiseMultiply(weights);
            double norm = row.L2Norm();
            weighted.SetRow(r, norm > 0 ? row / norm : row);
        }

        return weighted;
    }

    private static double MeanRecall((RetrievalMetrics TextToImage, RetrievalMetrics ImageToText) scores) =>
        (scores.TextToImage.RecallAt(ChoiceK) + scores.ImageToText.RecallAt(ChoiceK)) / 2;

    private static Matrix<double> Rows(Matrix<double> m, int[] rows) =>
        Matrix<double>.Build.Dense(rows.Length, m.ColumnCount, (r, c) => m[rows[r], c]);

    private static int ChooseComponents(int? requested, int textDimensions, int imageDimensions)
    {
        int widest = Math.Min(textDimensions, imageDimensions);
        if (requested is not { } components)
        {
            return Math.Min(RetrievalOptions.DefaultComponents, widest);
        }

        if (components > widest)
        {
            throw new ArgumentOutOfRangeException(
                nameof(RetrievalOptions.Components),
                components,
                $"{components} canonical components were requested, but the text side has {textDimensions} dimensions and the image side {imageDimensions}; " +
                $"choose at most {widest} (RetrievalOptions.Components), or leave it unset for min({RetrievalOptions.DefaultComponents}, {widest}).");
        }

        return components;
    }
}
