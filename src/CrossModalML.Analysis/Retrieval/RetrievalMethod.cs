namespace CrossModalML.Analysis.Retrieval;

/// <summary>How a <see cref="CrossModalSpace"/> relates the two sides' features.</summary>
public enum RetrievalMethod
{
    /// <summary>Fit <see cref="LeastSquares"/>, <see cref="Cca"/> and <see cref="PartialLeastSquares"/> on part of the
    /// pairs, keep the one with the highest held-back recall@10 (mean of both directions) and refit it on all pairs. CCA
    /// or PLS is kept only when it beats least squares.</summary>
    Auto,

    /// <summary>Regularised canonical correlation analysis: both sides are projected onto shared canonical components.</summary>
    Cca,

    /// <summary>A ridge least-squares map from the text features onto the image features; images stay in their own
    /// (centred) feature space and texts are compared with them there.</summary>
    LeastSquares,

    /// <summary>Partial least squares (PLS-SVD): both sides are projected onto the directions of largest cross-covariance,
    /// without CCA's whitening, each weighted by its training correlation.</summary>
    PartialLeastSquares,
}
