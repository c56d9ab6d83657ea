namespace CrossModalML.Featurization;

/// <summary>Where image features come from.</summary>
public enum ImageFeaturizerKind
{
    /// <summary>Built-in colour, texture and thumbnail statistics: no model file needed.</summary>
    BuiltIn = 0,

    /// <summary>A pretrained ONNX CNN's embedding (see <see cref="OnnxImageModelOptions"/>).</summary>
    Onnx,

    /// <summary>The 512-value embedding of ImageNet-trained ResNet18, shipped inside the library (from the
    /// Microsoft.ML.DnnImageFeaturizer.ResNet18 package): no model file needed. Slower than <see cref="BuiltIn"/>
    /// (about 25 images/s on 2 cores), so encodings are cached on disk (see <see cref="EncoderCacheOptions"/>).</summary>
    ResNet18,
}
