using System.Text.Json.Serialization;

namespace CrossModalML.Featurization;

/// <summary>A pretrained ONNX image encoder: where it is and what tensor layout it expects.</summary>
/// <remarks>
/// The model must take one float tensor [N, 3, <see cref="Height"/>, <see cref="Width"/>] of planar pixels in
/// 0–255 (any normalisation baked into the graph) and give one float vector per image. The ONNX bytes are stored
/// inside the saved model zip, so <see cref="ModelPath"/> is needed only while training; it is never written to a
/// manifest.
/// </remarks>
public sealed class OnnxImageModelOptions
{
    /// <summary>Path of the .onnx file. Not serialized.</summary>
    [JsonIgnore]
    public string ModelPath { get; set; } = string.Empty;

    /// <summary>The model's input tensor name. Default "image".</summary>
    public string InputColumnName { get; set; } = "image";

    /// <summary>The model's output tensor used as the embedding. Default "embedding".</summary>
    public string OutputColumnName { get; set; } = "embedding";

    /// <summary>Input width in pixels. Default 224.</summary>
    public int Width { get; set; } = 224;

    /// <summary>Input height in pixels. Default 224.</summary>
    public int Height { get; set; } = 224;

    /// <summary>Colour-plane order. Default <see cref="ImageChannelOrder.Rgb"/>.</summary>
    public ImageChannelOrder ChannelOrder { get; set; } = ImageChannelOrder.Rgb;

    /// <summary>Settings for a MobileNetV2 exported with raw-pixel input and an <c>embedding</c> output (1,280 values),
    /// such as <c>mobilenetv2-12-int8-embed-rgb255.onnx</c>.</summary>
    /// <param name="modelPath">Path of the .onnx file.</param>
    public static OnnxImageModelOptions MobileNetV2(string modelPath) => new() { ModelPath = modelPath };

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(ModelPath))
        {
            throw new ArgumentException("The ONNX image model path is empty; set OnnxImageModelOptions.ModelPath.");
        }

        if (!File.Exists(ModelPath))
        {
            throw new FileNotFoundException($"ONNX image model '{ModelPath}' does not exist.", ModelPath);
        }

        if (Width < 8 || Height < 8)
        {
            throw new ArgumentOutOfRangeException(nameof(Width), $"{Width}x{Height}", "ONNX input size must be at least 8x8 pixels.");
        }
    }
}
