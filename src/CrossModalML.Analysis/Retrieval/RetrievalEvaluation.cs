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
    /// <summary>The method that retrieves better on the held-out pairs, by the mean recall@10 of both directions:
    /// <see cref="RetrievalMethod.Cca"/> only when it is strictly higher than least squares.</summary>
    public RetrievalMethod Winner =>
        TextToImage.RecallAt10 + ImageToText.RecallAt10 > LeastSquaresTextToImage.RecallAt10 + LeastSquaresImageToText.RecallAt10
            ? RetrievalMethod.Cca
            : RetrievalMethod.LeastSquares;
}
