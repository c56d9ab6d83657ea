using CrossModalML.Featurization;

namespace CrossModalML.Analysis.Retrieval;

/// <summary>The JSON description of a saved <see cref="CrossModalSpace"/>: what each side reads and how wide the
/// matrices stored beside it are, and which pretrained encoders each side runs. Files written before the method was
/// recorded hold a CCA space; files written before the encoders were recorded run none.</summary>
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
    string? MethodReason = null,
    IReadOnlyList<PretrainedEncoderInfo>? TextEncoders = null,
    IReadOnlyList<PretrainedEncoderInfo>? ImageEncoders = null)
{
    public const int CurrentFormatVersion = 1;
}
