namespace CrossModalML.AutoML;

/// <summary>What <see cref="EnsembleSelection.Select"/> chose: how often each candidate was added, the weights that makes,
/// and the averaged probabilities' score on the metric.</summary>
/// <param name="Counts">Times each candidate was added, in candidate order (0 = not in the ensemble).</param>
/// <param name="Weights">Each candidate's weight: its count over all counts; they sum to 1.</param>
/// <param name="Score">The metric of the weighted average of the out-of-fold probabilities.</param>
internal sealed record EnsembleWeights(IReadOnlyList<int> Counts, IReadOnlyList<double> Weights, double Score);
