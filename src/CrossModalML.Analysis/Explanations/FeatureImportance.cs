using CrossModalML.Featurization;

namespace CrossModalML.Analysis.Explanations;

/// <summary>How much a model relies on a modality or a column: the drop in quality when it is scrambled.</summary>
/// <param name="Name">The modality ("Text", "Image", "Metadata") or the column's name.</param>
/// <param name="Modality">The modality the columns belong to.</param>
/// <param name="Columns">The input columns that were permuted together.</param>
/// <param name="Drop">Mean loss of quality over the repeats: macro-F1 lost for classification, RMSE gained for
/// regression. Larger means more important; near zero (or negative) means the model does not use it.</param>
/// <param name="DropStandardDeviation">Standard deviation of the drop over the repeats.</param>
public sealed record FeatureImportance(string Name, Modality Modality, IReadOnlyList<string> Columns, double Drop, double DropStandardDeviation);
