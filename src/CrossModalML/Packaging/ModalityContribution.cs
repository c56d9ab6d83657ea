using CrossModalML.Featurization;

namespace CrossModalML.Packaging;

/// <summary>One modality's push on one post's late-fusion decision.</summary>
/// <param name="Modality">The modality.</param>
/// <param name="Contribution">Its term in the stacker's logit of <c>PostContributions.TowardClass</c>, relative to a
/// training-average post: positive pushes toward the class, negative away from it. The terms of all modalities plus the
/// average post's logit give the post's logit.</param>
public sealed record ModalityContribution(Modality Modality, double Contribution);
