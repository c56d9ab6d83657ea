namespace CrossModalML.Analysis.Retrieval;

/// <summary>Held-out cross-modal retrieval quality of a space, next to the baselines it must beat.</summary>
/// <param name="TrainingPairs">Pairs the space was fitted on.</param>
/// <param name="TestPairs">Held-out pairs; each held-out text ranks all held-out images and vice versa.</param>
/// <param name="Components">Canonical components of the fitted space.</param>
/// <param name="Correlations">Its canonical correlations on the training pairs, strongest first.</param>
/// <param name="TextToImage">CCA space: each held-out text ranks the held-out images.</param>
/// <param name="ImageToText">CCA space: each held-out image ranks the held-out texts.</param>
/// <param name="LeastSquaresTextToImage">No-CCA baseline: text features mapped onto image features by ridge least squares
/// (same featurizers, same λ), compared by cosine.</param>
/// <param name="LeastSquaresImageToText">No-CCA baseline, image features mapped onto text features.</param>
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
    RetrievalMetrics Random);
