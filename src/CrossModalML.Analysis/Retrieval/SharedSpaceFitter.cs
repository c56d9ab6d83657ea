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

    public static CanonicalCorrelationModel Fit(RetrievalMethod method, Matrix<double> text, Matrix<double> image, RetrievalOptions options)
    {
        if (method == RetrievalMethod.LeastSquares)
        {
            var map = LeastSquaresMap.Fit(text, image, options.Regularization);
            int width = image.ColumnCount;
            return new CanonicalCorrelationModel(map.SourceMean, map.TargetMean, map.Weights, Matrix<double>.Build.DenseIdentity(width), Enumerable.Repeat(1.0, width).ToArray());
        }

        int components = ChooseComponents(options.Components, text.ColumnCount, image.ColumnCount);
        return method == RetrievalMethod.PartialLeastSquares
            ? PartialLeastSquares.Fit(text, image, components)
            : CanonicalCorrelationAnalysis.Fit(text, image, components, options.Regularization);
    }

    /// <summary>The methods <see cref="RetrievalMethod.Auto"/> compares, the simplest first: a later one is kept only when
    /// it retrieves strictly better.</summary>
    public static IReadOnlyList<RetrievalMethod> Candidates { get; } = [RetrievalMethod.LeastSquares, RetrievalMethod.Cca, RetrievalMethod.PartialLeastSquares];

    /// <summary>The name reports and messages give a method.</summary>
    public static string ShortName(RetrievalMethod method) => method switch
    {
        RetrievalMethod.Cca => "CCA",
        RetrievalMethod.PartialLeastSquares => "PLS",
        RetrievalMethod.LeastSquares => "least squares",
        _ => "auto",
    };

    /// <summary>Holds back <see cref="ChoiceFraction"/> of the pairs, fits every candidate method on the rest and returns
    /// the one with the highest mean recall@10 of both directions on the held-back pairs; CCA or PLS only when strictly
    /// higher than least squares.</summary>
    public static (RetrievalMethod Method, string Reason) Choose(Matrix<double> text, Matrix<double> image, RetrievalOptions options)
    {
        int testCount = Math.Max(MinimumChoicePairs, (int)Math.Round(text.RowCount * ChoiceFraction));
        if (text.RowCount - testCount < MinimumChoicePairs)
        {
            return (RetrievalMethod.LeastSquares, $"only {text.RowCount} pairs, too few to compare CCA and PLS with least squares on held-back pairs; least squares is the simplest map");
        }

        var order = Enumerable.Range(0, text.RowCount).ToArray();
        new Random(options.Seed).Shuffle(order);
        var test = order[..testCount];
        var train = order[testCount..];
        var trainText = Rows(text, train);
        var trainImage = Rows(image, train);
        var testText = Rows(text, test);
        var testImage = Rows(image, test);
        var recalls = Candidates.Select(m => (Method: m, Recall: MeanRecall(Score(Fit(m, trainText, trainImage, options), testText, testImage)))).ToList();
        var best = recalls[0];
        foreach (var candidate in recalls.Skip(1))
        {
            if (candidate.Recall > best.Recall)
            {
                best = candidate;
            }
        }

        string figures = $"recall@{Math.Min(ChoiceK, testCount)} (mean of both directions) on {testCount} held-back pairs: " +
            string.Join(", ", recalls.Select(r => string.Create(CultureInfo.InvariantCulture, $"{ShortName(r.Method)} {r.Recall:0.000}")));
        return best.Method == RetrievalMethod.LeastSquares
            ? (RetrievalMethod.LeastSquares, $"neither CCA nor PLS beats least squares, {figures}")
            : (best.Method, $"{ShortName(best.Method)} wins, {figures}");
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
