using CrossModalML.Featurization;

namespace CrossModalML.Training.Fusion;

/// <summary>Pipeline column names of a late-fusion model.</summary>
internal static class FusionColumns
{
    /// <summary>The stacker's input vector: every modality model's scores, concatenated in modality order.</summary>
    public const string StackerFeatures = "__cm_stack_features";

    /// <summary>The feature vector of one modality (its feature groups concatenated, in featurizer order).</summary>
    /// <param name="modality">A single modality.</param>
    public static string ModalityFeatures(Modality modality) => $"__cm_features_{modality.ToString().ToLowerInvariant()}";

    /// <summary>The raw score of one modality's model (a margin for binary, class probabilities for multiclass).</summary>
    /// <param name="modality">A single modality.</param>
    public static string ModalityScore(Modality modality) => $"__cm_score_{modality.ToString().ToLowerInvariant()}";
}
