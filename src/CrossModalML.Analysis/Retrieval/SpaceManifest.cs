using CrossModalML.Featurization;

namespace CrossModalML.Analysis.Retrieval;

/// <summary>The JSON description of a saved <see cref="CrossModalSpace"/>: what each side reads and how wide the
/// matrices stored beside it are. Files written before the method was recorded hold a CCA space.</summary>
internal sealed record SpaceManifest(
    int FormatVersion,
    string ToolkitVersion,
    string TextColumn,
    string ImageColumn,
    string TextOutputColumn,
    string ImageOutputColumn,
    int TextDimensions,
    int ImageDimensions,
    int Components,
    double Regularization,
    int TrainingPairs,
    double[] Correlations,
    ImageModelInfo? ImageModel,
    RetrievalMethod Method = RetrievalMethod.Cca,
    string? MethodReason = null)
{
    public const int CurrentFormatVersion = 1;
}
