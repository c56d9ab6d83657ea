using System.Globalization;
using CrossModalML.AutoML;
using CrossModalML.Featurization;

namespace CrossModalML.Cli.Rendering;

/// <summary>The short featurizer code of a leaderboard cell (e.g. <c>w1-2 c1-5 img blocks i×1</c>) and the legend that explains it.</summary>
internal static class FeaturizerLabel
{
    /// <summary>One line that explains every part of <see cref="Code"/>; printed under each leaderboard.</summary>
    public const string Legend =
        "Featurizer codes: w1-N word n-grams up to N words; c1-N character n-grams up to N characters (coff: none); " +
        "wv pretrained word vectors; minilm, arcticxs MiniLM or ArcticXs sentence embedding; img built-in image statistics, resnet18 ResNet18 " +
        "image embedding, onnx user ONNX image embedding; " +
        "minmax min-max scaling before linear trainers; blocks each modality standardised as a block, " +
        "i×W and m×W the image and metadata blocks' weight against the text.";

    /// <summary>The compact code of one featurizer setting.</summary>
    public static string Code(FeaturizerChoice f)
    {
        var parts = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"w1-{f.WordNgramLength}"),
            f.UseCharNgrams ? string.Create(CultureInfo.InvariantCulture, $"c1-{f.CharNgramLength}") : "coff",
        };
        if (f.UseWordVectors)
        {
            parts.Add("wv");
        }

        if (f.SentenceEncoder != SentenceEncoderKind.None)
        {
            parts.Add(f.SentenceEncoder.ToString().ToLowerInvariant());
        }

        parts.Add(f.ImageKind switch { ImageFeaturizerKind.Onnx => "onnx", ImageFeaturizerKind.ResNet18 => "resnet18", _ => "img" });
        if (f.Scaling == FeatureScaling.Blocks)
        {
            parts.Add("blocks");
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"i×{f.ImageWeight:0.##}"));
            if (f.MetadataWeight != 1)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"m×{f.MetadataWeight:0.##}"));
            }
        }
        else
        {
            parts.Add("minmax");
        }

        return string.Join(' ', parts);
    }
}
