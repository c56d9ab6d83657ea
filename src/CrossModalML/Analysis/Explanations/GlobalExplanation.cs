namespace CrossModalML.Analysis.Explanations;

/// <summary>What a model relies on across many posts.</summary>
/// <param name="Metric">The quality measure the drops are in: "macro-F1" or "RMSE".</param>
/// <param name="Baseline">The model's quality on the unchanged posts.</param>
/// <param name="Rows">How many posts were used.</param>
/// <param name="Modalities">Importance of each modality, most important first.</param>
/// <param name="Columns">Importance of each input column, most important first.</param>
public sealed record GlobalExplanation(string Metric, double Baseline, int Rows, IReadOnlyList<FeatureImportance> Modalities, IReadOnlyList<FeatureImportance> Columns);
