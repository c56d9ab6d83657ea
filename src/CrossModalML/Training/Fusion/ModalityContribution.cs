using CrossModalML.Featurization;

namespace CrossModalML.Training.Fusion;

/// <summary>One modality's push on one post's late-fusion decision.</summary>
/// <param name="Modality">The modality.</param>
/// <param name="Contribution">Its term in the stacker's logit of <see cref="PostContributions.TowardClass"/>, relative to a
/// training-average post: positive pushes toward the class, negative away from it. The terms of all modalities plus the
/// average post's logit give the post's logit.</param>
public sealed record ModalityContribution(Modality Modality, double Contribution);
