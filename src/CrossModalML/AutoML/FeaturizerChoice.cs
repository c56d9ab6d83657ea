using CrossModalML.Featurization;

namespace CrossModalML.AutoML;

/// <summary>The featurizer settings a search varies: word n-gram length, character n-grams, and built-in versus ONNX image features.</summary>
/// <remarks>
/// Everything else (modalities, social signals, stop words, metadata, the ONNX model itself) comes from the user's
/// <see cref="FeaturizerOptions"/> and is never searched. When character n-grams are off their length is irrelevant
/// and is stored as 0, so two choices that featurize identically are equal (and share one feature cache entry).
/// </remarks>
/// <param name="WordNgramLength">Longest word n-gram.</param>
/// <param name="UseCharNgrams">Whether character n-grams are added.</param>
/// <param name="CharNgramLength">Longest character n-gram; 0 when <paramref name="UseCharNgrams"/> is false.</param>
/// <param name="ImageKind">Built-in statistics or the ONNX encoder.</param>
public sealed record FeaturizerChoice(int WordNgramLength, bool UseCharNgrams, int CharNgramLength, ImageFeaturizerKind ImageKind)
{
    /// <summary>Dimension name of the longest word n-gram (integer).</summary>
    public const string WordNgramLengthName = "WordNgramLength";

    /// <summary>Dimension name of the character n-gram switch (0 or 1).</summary>
    public const string UseCharNgramsName = "UseCharNgrams";

    /// <summary>Dimension name of the longest character n-gram (integer).</summary>
    public const string CharNgramLengthName = "CharNgramLength";

    /// <summary>Dimension name of the image featurizer switch (0 built-in, 1 ONNX).</summary>
    public const string OnnxImageFeaturesName = "OnnxImageFeatures";

    /// <summary>The choice the user's options already make.</summary>
    /// <param name="options">The user's featurizer options.</param>
    public static FeaturizerChoice From(FeaturizerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Normalized(options.Text.WordNgramLength, options.Text.UseCharNgrams, options.Text.CharNgramLength, options.Image.Kind);
    }

    /// <summary>Reads the featurizer dimensions of a point; a dimension the point lacks keeps the user's setting.</summary>
    /// <param name="point">A search point.</param>
    /// <param name="baseOptions">The user's featurizer options.</param>
    public static FeaturizerChoice FromPoint(SearchPoint point, FeaturizerOptions baseOptions)
    {
        ArgumentNullException.ThrowIfNull(point);
        var user = From(baseOptions);
        int Read(string name, int fallback) => point.Values.TryGetValue(name, out var v) ? (int)Math.Round(v) : fallback;
        return Normalized(
            Read(WordNgramLengthName, user.WordNgramLength),
            Read(UseCharNgramsName, user.UseCharNgrams ? 1 : 0) == 1,
            Read(CharNgramLengthName, baseOptions.Text.CharNgramLength),
            Read(OnnxImageFeaturesName, user.ImageKind == ImageFeaturizerKind.Onnx ? 1 : 0) == 1 ? ImageFeaturizerKind.Onnx : ImageFeaturizerKind.BuiltIn);
    }

    /// <summary>A copy of the user's options with this choice applied; the user's object is not changed.</summary>
    /// <param name="baseOptions">The user's featurizer options.</param>
    /// <exception cref="ArgumentException">The choice asks for ONNX features but the options name no ONNX model.</exception>
    public FeaturizerOptions Apply(FeaturizerOptions baseOptions)
    {
        ArgumentNullException.ThrowIfNull(baseOptions);
        if (ImageKind == ImageFeaturizerKind.Onnx && baseOptions.Image.Onnx is null)
        {
            throw new ArgumentException("The featurizer choice uses ONNX image features but the options name no ONNX model (CLI: --image-model).", nameof(baseOptions));
        }

        var text = baseOptions.Text;
        return new FeaturizerOptions
        {
            Modalities = baseOptions.Modalities,
            Text = new TextFeaturizerOptions
            {
                WordNgramLength = WordNgramLength,
                UseCharNgrams = UseCharNgrams,
                CharNgramLength = UseCharNgrams ? CharNgramLength : text.CharNgramLength,
                RemoveStopWords = text.RemoveStopWords,
                UseSocialSignals = text.UseSocialSignals,
            },
            Image = new ImageFeaturizerOptions { Kind = ImageKind, Onnx = baseOptions.Image.Onnx },
            Metadata = baseOptions.Metadata,
        };
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"words 1-{WordNgramLength}, chars {(UseCharNgrams ? $"1-{CharNgramLength}" : "off")}, images {(ImageKind == ImageFeaturizerKind.Onnx ? "onnx" : "built-in")}";

    private static FeaturizerChoice Normalized(int word, bool chars, int charLength, ImageFeaturizerKind kind) =>
        new(word, chars, chars ? charLength : 0, kind);
}
