using System.CommandLine;
using CrossModalML.Featurization;

namespace CrossModalML.Cli.Commands;

/// <summary>Options several commands share, so they are spelled and described the same everywhere.</summary>
internal static class CommonOptions
{
    public static Option<bool> Verbose() => new("--verbose", "-v")
    {
        Description = "Show stack traces on errors.",
    };

    public static Option<FileInfo?> Report() => new("--report")
    {
        Description = "Write metrics and details as JSON to this file.",
    };

    public static Option<FileInfo> Model(string description) => new("--model", "-m")
    {
        Description = description,
        Required = true,
    };

    public static Option<FileInfo> Dataset(string description) => new("--dataset", "-d")
    {
        Description = description,
        Required = true,
    };

    public static Option<string?> ImageEncoder()
    {
        var option = new Option<string?>("--image-encoder")
        {
            Description = "Image features with no model file: builtin (colour, texture and thumbnail statistics; fastest) or resnet18 " +
                "(ImageNet ResNet18 shipped with the toolkit, 512 values). Default: resnet18 with the balanced and best presets, " +
                "builtin with fast. A user ONNX model is --image-model instead.",
        };
        option.AcceptOnlyFromAmong("builtin", "resnet18");
        return option;
    }

    public static Option<string?> TextEncoder()
    {
        var option = new Option<string?>("--text-encoder")
        {
            Description = "Sentence embedding added to the text features, with no model file: none, minilm (all-MiniLM-L6-v2 shipped with the toolkit, " +
                "384 values) or arcticxs (Snowflake arctic-embed-xs shipped with the toolkit, 384 values). Default: minilm with the balanced and best presets, none with fast.",
        };
        option.AcceptOnlyFromAmong("none", "minilm", "arcticxs");
        return option;
    }

    public static Option<bool> NoCache() => new("--no-cache")
    {
        Description = $"Neither read nor write the encoder cache (folder: ${EncoderCacheOptions.DirectoryVariable}, else $XDG_CACHE_HOME/crossmodalml, else ~/.cache/crossmodalml).",
    };

    /// <summary>The encoder cache a command uses: off with <c>--no-cache</c>, else the default.</summary>
    public static EncoderCacheOptions? Cache(bool noCache) => noCache ? new EncoderCacheOptions { Enabled = false } : null;

    /// <summary>Applies <c>--image-encoder</c> and <c>--text-encoder</c> to featurizer options.</summary>
    public static void ApplyEncoders(FeaturizerOptions featurizer, string? imageEncoder, string? textEncoder)
    {
        if (string.Equals(imageEncoder, "resnet18", StringComparison.OrdinalIgnoreCase))
        {
            if (featurizer.Image.Kind == ImageFeaturizerKind.Onnx)
            {
                throw new ArgumentException("--image-encoder resnet18 and --image-model both choose the image encoder; give one of them.");
            }

            featurizer.Image = new ImageFeaturizerOptions { Kind = ImageFeaturizerKind.ResNet18 };
        }

        if (SentenceEncoder(textEncoder) is { } kind)
        {
            featurizer.Text.SentenceEncoder = kind;
        }
    }

    /// <summary>The sentence encoder a <c>--text-encoder</c> value names (<c>minilm</c>, <c>arcticxs</c>); <c>null</c> for
    /// <c>none</c> or no value.</summary>
    public static SentenceEncoderKind? SentenceEncoder(string? name) =>
        string.Equals(name, "minilm", StringComparison.OrdinalIgnoreCase) ? SentenceEncoderKind.MiniLM
        : string.Equals(name, "arcticxs", StringComparison.OrdinalIgnoreCase) ? SentenceEncoderKind.ArcticXs
        : null;

    /// <summary>Splits comma-separated values given once or several times: <c>--text a,b --text c</c>.</summary>
    public static List<string> SplitList(IEnumerable<string>? values) =>
        (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
}
