namespace CrossModalML.Featurization;

/// <summary>One block of the fused feature vector.</summary>
/// <param name="Name">A readable name, e.g. "text n-grams (text)".</param>
/// <param name="Modality">The modality it belongs to.</param>
/// <param name="SourceColumn">The user's column it was computed from (or several, comma-separated).</param>
/// <param name="OutputColumn">The pipeline column concatenated into the features.</param>
public sealed record FeatureGroup(string Name, Modality Modality, string SourceColumn, string OutputColumn);
