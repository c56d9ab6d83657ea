namespace CrossModalML.Analysis.Retrieval;

/// <summary>Held-out cross-modal retrieval quality of a space, next to the baselines it must beat.</summary>
/// <param name="TrainingPairs">Pairs the space was fitted on.</param>
/// <param name="TestPairs">Held-out pairs; each held-out text ranks all held-out images and vice versa.</param>
/// <param name="Components">Canonical components of the fitted space.</param>
/// <param name="Correlations">Its canonical correlations on the training pairs, strongest first.</param>
/// <param name="TextToImage">CCA space: each held-out text ranks the held-out images.</param>
/// <param name="ImageToText">CCA space: each held-out image ranks the held-out texts.</param>
/// <param name="LeastSquaresTextToImage">No-CCA map: text features mapped onto image features by ridge least squares
/// (same featurizers, same λ), each held-out text ranking the held-out images by cosine.</param>
/// <param name="LeastSquaresImageToText">No-CCA map, the same space: each held-out image ranking the mapped held-out texts.</param>
/// <param name="Random">The expected metrics of a random ranking of the same candidates.</param>
public sealed record RetrievalEvaluation(
    int TrainingPairs,
    int TestPairs,
    int Components,
    IReadOnlyList<double> Correlations,
    RetrievalMetrics TextToImage,
    RetrievalMetrics ImageToText,
    RetrievalMetrics LeastSquaresTextToImage,
    RetrievalMetrics LeastSquaresImageToText,
    RetrievalMetrics Random)
{
    /// <summary>PLS space: each held-out text ranks the held-out images; <see langword="null"/> when PLS was not measured.</summary>
    public RetrievalMetrics? PartialLeastSquaresTextToImage { get; init; }

    /// <summary>PLS space: each held-out image ranks the held-out texts; <see langword="null"/> when PLS was not measured.</summary>
    public RetrievalMetrics? PartialLeastSquaresImageToText { get; init; }

    /// <summary>The method <see cref="RetrievalMethod.Auto"/> picks on pairs held back from the training pairs (the test
    /// pairs play no part), and so the method a space fitted on them uses; <see langword="null"/> when not chosen.</summary>
    public RetrievalMethod? Chosen { get; init; }

    /// <summary>Why <see cref="Chosen"/> was picked: the held-back recall of every candidate.</summary>
    public string? ChoiceReason { get; init; }

    /// <summary>Each measured method with its held-out metrics in both directions: least squares, CCA and, when
    /// measured, PLS.</summary>
    public IReadOnlyList<(RetrievalMethod Method, RetrievalMetrics TextToImage, RetrievalMetrics ImageToText)> Methods =>
        PartialLeastSquaresTextToImage is { } plsTextToImage && PartialLeastSquaresImageToText is { } plsImageToText
            ? [(RetrievalMethod.LeastSquares, LeastSquaresTextToImage, LeastSquaresImageToText), (RetrievalMethod.Cca, TextToImage, ImageToText), (RetrievalMethod.PartialLeastSquares, plsTextToImage, plsImageToText)]
            : [(RetrievalMethod.LeastSquares, LeastSquaresTextToImage, LeastSquaresImageToText), (RetrievalMethod.Cca, TextToImage, ImageToText)];

    /// <summary>The method that retrieves best on these held-out pairs, by the mean recall@10 of both directions: CCA or
    /// PLS only when strictly higher than least squares (and PLS only when strictly higher than CCA).</summary>
    public RetrievalMethod Winner
    {
        get
        {
            var best = Methods[0];
            foreach (var method in Methods.Skip(1))
            {
                if (method.TextToImage.RecallAt10 + method.ImageToText.RecallAt10 > best.TextToImage.RecallAt10 + best.ImageToText.RecallAt10)
                {
                    best = method;
                }
            }

            return best.Method;
        }
    }
}
