using CrossModalML.Featurization;
using CrossModalML.Packaging;

namespace CrossModalML.Prediction;

/// <summary>The per-modality contributions to one post's late-fusion prediction.</summary>
/// <param name="TowardClass">The class the contributions push toward: the positive class for binary models, the stacker's
/// predicted class for multiclass models.</param>
/// <param name="Contributions">One entry per modality, in the model's modality order.</param>
public sealed record PostContributions(string TowardClass, IReadOnlyList<ModalityContribution> Contributions)
{
    /// <summary>The modality with the largest push toward <see cref="TowardClass"/>.</summary>
    public Modality Strongest => Contributions.MaxBy(c => c.Contribution)?.Modality ?? Modality.None;
}
