namespace CrossModalML.Analysis.Retrieval;

/// <summary>The method and covariance shrinkage a space uses, and why; with the λ that served least squares and CCA
/// best, so an evaluation can show each method at its own best setting.</summary>
/// <param name="Method">The method kept.</param>
/// <param name="Regularization">Its λ (0 for PLS, which has none).</param>
/// <param name="Reason">Why, e.g. the held-back recall of every method.</param>
/// <param name="LeastSquaresRegularization">The λ least squares retrieved best with.</param>
/// <param name="CcaRegularization">The λ CCA retrieved best with.</param>
internal sealed record SpaceChoice(RetrievalMethod Method, double Regularization, string Reason, double LeastSquaresRegularization, double CcaRegularization)
{
    /// <summary>A method set by the caller, with the options' λ for every method.</summary>
    public static SpaceChoice Given(RetrievalOptions options) =>
        new(options.Method, options.Regularization, "set by RetrievalOptions.Method", options.Regularization, options.Regularization);
}
