using CrossModalML.Data;
using MathNet.Numerics.LinearAlgebra;

namespace CrossModalML.Analysis.Retrieval;

/// <summary>Measures cross-modal retrieval on held-out pairs: a space is fitted on the other pairs, then each held-out
/// text ranks every held-out image (and each image every text), and the rank of its own post's partner is scored.</summary>
/// <remarks>
/// <para>The split is a seeded random split of the posts that have both a text and an image. The featurizers (TF-IDF
/// vocabulary, principal components) are fitted on the training pairs only, so held-out texts never shape them.</para>
/// <para>Both methods a space can use are measured on the same features: CCA, and the no-CCA map (ridge least squares
/// from the text features onto the image features, compared there by cosine), next to the random baseline. Raw text and
/// image features live in spaces of different dimensions and meaning and cannot be compared directly.
/// <see cref="RetrievalEvaluation.Winner"/> says which method retrieves better.</para>
/// <para>Thread-safety: stateless; concurrent calls are independent.</para>
/// </remarks>
public static class RetrievalEvaluator
{
    private const int MinimumTestPairs = 10;

    /// <summary>Holds out a share of the paired posts, fits a space on the rest and scores retrieval on the held-out pairs.</summary>
    /// <param name="data">The posts; those missing a text or an image are left out.</param>
    /// <param name="options">Space options; <see cref="RetrievalOptions.Seed"/> also seeds the split.</param>
    /// <param name="testFraction">The share of pairs held out, in (0, 1). Default 0.2.</param>
    /// <param name="progress">Receives short progress messages, if given.</param>
    /// <param name="cancellationToken">Checked between the stages.</param>
    /// <exception cref="ArgumentException">Too few pairs to hold out at least 10 and train on at least 10, or the
    /// columns are missing or ambiguous (see <see cref="CrossModalSpace.Fit"/>).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="testFraction"/> is outside (0, 1).</exception>
    public static RetrievalEvaluation Evaluate(
        PostDataset data,
        RetrievalOptions? options = null,
        double testFraction = 0.2,
        IProgress<string>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!(testFraction > 0 && testFraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, "The held-out share must be between 0 and 1 (exclusive); 0.2 holds out a fifth.");
        }

        options ??= new RetrievalOptions();
        options.Validate();
        var pairs = RetrievalPairs.From(data, options);
        int testCount = (int)Math.Round(pairs.Count * testFraction);
        if (testCount < MinimumTestPairs || pairs.Count - testCount < MinimumTestPairs)
        {
            throw new ArgumentException(
                $"{pairs.Count} posts have both a text and an image; holding out {testFraction:P0} leaves {testCount} to test and {pairs.Count - testCount} to train, " +
                $"but each needs at least {MinimumTestPairs}. Use more posts or another test fraction.", nameof(data));
        }

        var order = Enumerable.Range(0, pairs.Count).ToArray();
        new Random(options.Seed).Shuffle(order);
        var test = pairs.Subset(order[..testCount]);
        var train = pairs.Subset(order[testCount..]);
        progress?.Report($"Holding out {test.Count:N0} of {pairs.Count:N0} text–image pairs; fitting on {train.Count:N0}.");
        return Evaluate(train, test, options, progress, cancellationToken);
    }

    /// <summary>Fits a space on one set of posts and scores retrieval on another: each test text ranks every test image
    /// (and each image every text). This is the fixed-split protocol: the test posts shape nothing that is fitted.</summary>
    /// <param name="train">The posts to fit on; those missing a text or an image are left out.</param>
    /// <param name="test">The posts to query with and rank; those missing a text or an image are left out.</param>
    /// <param name="options">Space options; both files must have the chosen text and image columns.</param>
    /// <param name="progress">Receives short progress messages, if given.</param>
    /// <param name="cancellationToken">Checked between the stages.</param>
    /// <exception cref="ArgumentException">Either file has fewer than 10 text–image pairs, or the columns are missing or
    /// ambiguous (see <see cref="CrossModalSpace.Fit"/>).</exception>
    public static RetrievalEvaluation Evaluate(
        PostDataset train,
        PostDataset test,
        RetrievalOptions? options = null,
        IProgress<string>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        options ??= new RetrievalOptions();
        options.Validate();
        var trainPairs = RetrievalPairs.From(train, options);
        var testPairs = RetrievalPairs.From(test, new RetrievalOptions { TextColumn = trainPairs.TextColumn, ImageColumn = trainPairs.ImageColumn });
        foreach (var (name, pairs) in new[] { ("training", trainPairs), ("test", testPairs) })
        {
            if (pairs.Count < MinimumTestPairs)
            {
                throw new ArgumentException(
                    $"The {name} posts have {pairs.Count} text–image pairs; measuring retrieval needs at least {MinimumTestPairs} in each file.", name == "training" ? nameof(train) : nameof(test));
            }
        }

        progress?.Report($"Fitting on {trainPairs.Count:N0} text–image pairs; testing on {testPairs.Count:N0} others.");
        return Evaluate(trainPairs, testPairs, options, progress, cancellationToken);
    }

    private static RetrievalEvaluation Evaluate(RetrievalPairs train, RetrievalPairs test, RetrievalOptions options, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        using var featurized = FeaturizedPairs.Fit(train, options, progress, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        progress?.Report($"Ranking {test.Count:N0} held-out texts against {test.Count:N0} held-out images with least squares, CCA and PLS.");
        var testText = featurized.Text.Transform(test.Texts);
        var testImage = featurized.Image.Transform(test.ImagePaths);
        // The λ of CCA and least squares is chosen on pairs held back from the training pairs, like the method; the test
        // pairs only measure.
        var choice = options.Method == RetrievalMethod.Auto
            ? SharedSpaceFitter.Choose(featurized.TextFeatures, featurized.ImageFeatures, options)
            : SpaceChoice.Given(options);
        var cca = SharedSpaceFitter.Fit(RetrievalMethod.Cca, featurized.TextFeatures, featurized.ImageFeatures, options, choice.CcaRegularization);
        var leastSquares = SharedSpaceFitter.Fit(RetrievalMethod.LeastSquares, featurized.TextFeatures, featurized.ImageFeatures, options, choice.LeastSquaresRegularization);
        var pls = SharedSpaceFitter.Fit(RetrievalMethod.PartialLeastSquares, featurized.TextFeatures, featurized.ImageFeatures, options);
        var (ccaTextToImage, ccaImageToText) = SharedSpaceFitter.Score(cca, testText, testImage);
        var (mapTextToImage, mapImageToText) = SharedSpaceFitter.Score(leastSquares, testText, testImage);
        var (plsTextToImage, plsImageToText) = SharedSpaceFitter.Score(pls, testText, testImage);
        return new RetrievalEvaluation(
            train.Count,
            test.Count,
            cca.Components,
            cca.Correlations,
            ccaTextToImage,
            ccaImageToText,
            mapTextToImage,
            mapImageToText,
            RetrievalMetrics.Random(test.Count))
        {
            PartialLeastSquaresTextToImage = plsTextToImage,
            PartialLeastSquaresImageToText = plsImageToText,
            Chosen = choice.Method,
            ChoiceReason = choice.Reason,
        };
    }

    /// <summary>For each row (a query), the rank of its diagonal entry (its true partner) among the row's entries.</summary>
    internal static double[] DiagonalRanks(Matrix<double> scores)
    {
        var ranks = new double[scores.RowCount];
        for (int q = 0; q < scores.RowCount; q++)
        {
            double truth = scores[q, q];
            int above = 0, tied = 0;
            for (int c = 0; c < scores.ColumnCount; c++)
            {
                if (c == q)
                {
                    continue;
                }

                if (scores[q, c] > truth)
                {
                    above++;
                }
                else if (scores[q, c] == truth)
                {
                    tied++;
                }
            }

            ranks[q] = 1 + above + (tied / 2.0);
        }

        return ranks;
    }
}
