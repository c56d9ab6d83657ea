namespace CrossModalML.Featurization;

/// <summary>Settings of the image featurizer.</summary>
public sealed class ImageFeaturizerOptions
{
    /// <summary>Built-in statistics (default) or a pretrained ONNX encoder.</summary>
    public ImageFeaturizerKind Kind { get; set; } = ImageFeaturizerKind.BuiltIn;

    /// <summary>The ONNX encoder; required when <see cref="Kind"/> is <see cref="ImageFeaturizerKind.Onnx"/>.</summary>
    public OnnxImageModelOptions? Onnx { get; set; }
}
