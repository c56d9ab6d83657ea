namespace CrossModalML.Analysis.Retrieval;

/// <summary>How a <see cref="CrossModalSpace"/> relates the two sides' features.</summary>
public enum RetrievalMethod
{
    /// <summary>Fit both <see cref="Cca"/> and <see cref="LeastSquares"/> on part of the pairs, keep the one with the
    /// higher held-out recall@10 (mean of both directions) and refit it on all pairs. CCA is kept only when it wins.</summary>
    Auto,

    /// <summary>Regularised canonical correlation analysis: both sides are projected onto shared canonical components.</summary>
    Cca,

    /// <summary>A ridge least-squares map from the text features onto the image features; images stay in their own
    /// (centred) feature space and texts are compared with them there.</summary>
    LeastSquares,
}
