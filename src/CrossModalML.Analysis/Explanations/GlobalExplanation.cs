namespace CrossModalML.Analysis.Explanations;

/// <summary>What a model relies on across many posts.</summary>
/// <param name="Metric">The quality measure the drops are in: "macro-F1" or "RMSE".</param>
/// <param name="Baseline">The model's quality on the unchanged posts.</param>
/// <param name="Rows">How many posts were used.</param>
/// <param name="Modalities">Importance of each modality, most important first.</param>
/// <param name="Columns">Importance of each input column, most important first.</param>
public sealed record GlobalExplanation(string Metric, double Baseline, int Rows, IReadOnlyList<FeatureImportance> Modalities, IReadOnlyList<FeatureImportance> Columns)
{
    /// <summary>The task explained: the label column of the main task, or of the task asked for in a multi-task model.</summary>
    public string? Task { get; init; }

    /// <summary>What the reader should know, e.g. that the baseline is measured on the model's own training rows (an
    /// in-sample baseline makes every importance describe what the model memorised); empty when there is nothing to say.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
