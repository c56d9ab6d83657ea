using CrossModalML.Featurization;

namespace CrossModalML.Training.Fusion;

/// <summary>The featurizer's output columns grouped by modality: what late fusion fits one model on each of.</summary>
internal static class ModalityGroups
{
    /// <summary>The featurizer's groups by modality, in the order the modalities first appear.</summary>
    /// <param name="featurization">The featurizer.</param>
    public static List<(Modality Modality, List<string> Outputs)> Of(FeaturizationPipeline featurization) =>
        featurization.Groups
            .GroupBy(g => g.Modality)
            .Select(g => (g.Key, g.Select(x => x.OutputColumn).ToList()))
            .ToList();
}
