namespace CrossModalML.Featurization;

/// <summary>Where image features come from.</summary>
public enum ImageFeaturizerKind
{
    /// <summary>Built-in colour, texture and thumbnail statistics: no model file needed.</summary>
    BuiltIn = 0,

    /// <summary>A pretrained ONNX CNN's embedding (see <see cref="OnnxImageModelOptions"/>).</summary>
    Onnx,
}
