namespace CrossModalML.Packaging;

/// <summary>What a model was trained on, without any of the data itself.</summary>
/// <param name="RowsRead">Rows in the training file.</param>
/// <param name="RowsUsed">Rows the model was fitted on.</param>
/// <param name="RowsSkipped">Rows left out, with the reasons in the training report.</param>
/// <param name="Fingerprint">SHA-256 over the used rows' values: equal fingerprints mean equal training data.</param>
public sealed record DataSummary(int RowsRead, int RowsUsed, int RowsSkipped, string Fingerprint);
