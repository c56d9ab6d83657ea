namespace CrossModalML.Packaging;

/// <summary>How a model combines the modalities of a post.</summary>
public enum FusionKind
{
    /// <summary>Early fusion: every modality's features are concatenated into one vector and one trainer learns from it. The default.</summary>
    Early,

    /// <summary>Late fusion: one model per modality (text, image, metadata), each on its own features, and a linear stacker
    /// over their scores that learns how much to trust each modality.</summary>
    Late,

    /// <summary>Fit both and keep the one with the better out-of-fold validation score on the training rows (early on a tie).
    /// A saved model records the fusion that won, never <see cref="Auto"/>.</summary>
    Auto,
}
