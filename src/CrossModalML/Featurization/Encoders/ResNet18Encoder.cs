using System.Security.Cryptography;
using CrossModalML.Featurization.Image;
using Microsoft.ML.OnnxRuntime;
using SkiaSharp;

namespace CrossModalML.Featurization.Encoders;

/// <summary>ResNet18 as ML.NET's <c>DnnFeaturizeImage</c> runs it, from the ONNX files of the
/// Microsoft.ML.DnnImageFeaturizer.ResNet18 package embedded in this library: the image scaled to cover 224×224 and
/// centre-cropped, planar RGB pixels 0–255, the package's normalising graph, then the network's 512-value pooled layer.</summary>
internal sealed class ResNet18Encoder : PretrainedEncoder
{
    /// <summary>Width of the embedding.</summary>
    public const int Width = 512;

    /// <summary>Input side in pixels.</summary>
    public const int Side = 224;

    private const int ChunkSize = 16;

    public static readonly ResNet18Encoder Instance = new();

    private readonly EmbeddedNetwork _preprocess = new(typeof(ResNet18Encoder).Assembly, "CrossModalML.Encoders.ResNetPreprocess.onnx");
    private readonly EmbeddedNetwork _network = new(typeof(ResNet18Encoder).Assembly, "CrossModalML.Encoders.ResNet18.onnx");
    private readonly Lazy<string> _sha256;
    private readonly Lazy<(InferenceSession Preprocess, InferenceSession Network)> _laneSessions;

    private ResNet18Encoder()
    {
        _sha256 = new Lazy<string>(() => Convert.ToHexStringLower(SHA256.HashData(Convert.FromHexString(_preprocess.Sha256 + _network.Sha256))));
        _laneSessions = new Lazy<(InferenceSession, InferenceSession)>(OpenLaneSessions, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public override string Name => "ResNet18";

    public override int Dimensions => Width;

    public override string Settings => $"{Side}x{Side} iso-crop rgb";

    public override string NetworkSha256 => _sha256.Value;

    internal EmbeddedNetwork Preprocess => _preprocess;

    internal EmbeddedNetwork Network => _network;

    public override bool InputsAreFiles => true;

    public override string? ContentKey(string input)
    {
        if (!ImageDecoding.IsDecodable(input))
        {
            return null;
        }

        using var stream = File.OpenRead(input);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    public override float[] Empty() => new float[Width];

    /// <summary>Encodes images in order. Several images run side by side, one per thread of
    /// <see cref="EncoderThreads.IntraOpThreads"/>, each through single-threaded sessions: on one 224×224 image the
    /// network's operators are too small for ONNX Runtime's intra-op threads to keep a few cores busy, while whole images
    /// in parallel do. A single image (a prediction) runs on the shared session with every thread. The vectors do not
    /// depend on which path ran.</summary>
    public override float[][] Encode(IReadOnlyList<string> inputs)
    {
        var result = new float[inputs.Count][];
        int lanes = EncoderThreads.Effective;
        if (lanes > 1 && inputs.Count > 1)
        {
            var (preprocess, network) = _laneSessions.Value;
            Parallel.For(0, inputs.Count, new ParallelOptions { MaxDegreeOfParallelism = lanes }, k =>
                result[k] = Pixels(inputs[k]) is { } planes ? Run(preprocess, network, planes) : Empty());
            return result;
        }

        for (int start = 0; start < inputs.Count; start += ChunkSize)
        {
            int count = Math.Min(ChunkSize, inputs.Count - start);
            var pixels = new float[]?[count];
            Parallel.For(0, count, k => pixels[k] = Pixels(inputs[start + k]));
            for (int k = 0; k < count; k++)
            {
                result[start + k] = pixels[k] is { } planes ? Run(_preprocess.Session, _network.Session, planes) : Empty();
            }
        }

        return result;
    }

    /// <summary>The normalising graph and the network with one intra-op thread each, shared by every lane (a session's
    /// Run is thread-safe).</summary>
    private (InferenceSession, InferenceSession) OpenLaneSessions()
    {
        using var options = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        };
        return (_preprocess.OpenSession(options), _network.OpenSession(options));
    }

    /// <summary>Planar RGB pixels 0–255 of the image scaled to cover <see cref="Side"/>² and centre-cropped, or
    /// <c>null</c> when it cannot be decoded.</summary>
    internal static float[]? Pixels(string path)
    {
        using var bitmap = ImageDecoding.TryDecode(path);
        if (bitmap is null)
        {
            return null;
        }

        using var target = new SKBitmap(new SKImageInfo(Side, Side, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        using (var canvas = new SKCanvas(target))
        {
            float scale = Math.Max((float)Side / bitmap.Width, (float)Side / bitmap.Height);
            float width = bitmap.Width * scale, height = bitmap.Height * scale;
            var destination = SKRect.Create((Side - width) / 2, (Side - height) / 2, width, height);
            using var image = SKImage.FromBitmap(bitmap);
            canvas.Clear(SKColors.Black);
            canvas.DrawImage(image, destination, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        }

        var bytes = target.GetPixelSpan();
        const int plane = Side * Side;
        var pixels = new float[3 * plane];
        for (int p = 0; p < plane; p++)
        {
            pixels[p] = bytes[4 * p];
            pixels[plane + p] = bytes[4 * p + 1];
            pixels[2 * plane + p] = bytes[4 * p + 2];
        }

        return pixels;
    }

    /// <summary>Runs one image's pixels through the normalising graph and the network.</summary>
    internal static float[] Run(InferenceSession preprocess, InferenceSession network, float[] pixels)
    {
        long[] shape = [1, 3, Side, Side];
        using var runOptions = new RunOptions();
        using var input = OrtValue.CreateTensorValueFromMemory(pixels, shape);
        using var normalised = preprocess.Run(runOptions, ["OriginalInput"], [input], ["PreprocessedInput"]);
        using var features = network.Run(runOptions, ["Input247"], [normalised[0]], ["Pooling395_Output_0"]);
        return features[0].GetTensorDataAsSpan<float>().ToArray();
    }
}
