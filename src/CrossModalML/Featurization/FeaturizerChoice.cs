namespace CrossModalML.Featurization;

/// <summary>The featurizer settings a search varies: word n-gram length, character n-grams, pretrained word vectors and
/// the sentence encoder on or off, built-in versus ONNX or ResNet18 image features, block scaling and the modality weights.</summary>
/// <remarks>
/// Everything else (modalities, social signals, stop words, metadata, the ONNX and word-vector models themselves) comes from the user's
/// <see cref="FeaturizerOptions"/> and is never searched. When character n-grams are off their length is irrelevant
/// and is stored as 0, and with <see cref="FeatureScaling.MinMax"/> the modality weights are irrelevant and stored as 1, so
/// two choices that featurize identically are equal (and share one feature cache entry).
/// </remarks>
/// <param name="WordNgramLength">Longest word n-gram.</param>
/// <param name="UseCharNgrams">Whether character n-grams are added.</param>
/// <param name="CharNgramLength">Longest character n-gram; 0 when <paramref name="UseCharNgrams"/> is false.</param>
/// <param name="ImageKind">Built-in statistics or the ONNX encoder.</param>
/// <param name="Scaling">Min–max before linear trainers, or per-block scaling in the featurizer.</param>
/// <param name="ImageWeight">The image blocks' factor against the text (block scaling only; 1 otherwise).</param>
/// <param name="MetadataWeight">The metadata blocks' factor against the text (block scaling only; 1 otherwise).</param>
/// <param name="UseWordVectors">Whether the user's pretrained word vectors are added to the text block.</param>
/// <param name="SentenceEncoder">The pretrained sentence encoder whose embedding is added to the text block.</param>
public sealed record FeaturizerChoice(
    int WordNgramLength,
    bool UseCharNgrams,
    int CharNgramLength,
    ImageFeaturizerKind ImageKind,
    FeatureScaling Scaling = FeatureScaling.MinMax,
    double ImageWeight = 1,
    double MetadataWeight = 1,
    bool UseWordVectors = false,
    SentenceEncoderKind SentenceEncoder = SentenceEncoderKind.None)
{
    /// <summary>Dimension name of the longest word n-gram (integer).</summary>
    public const string WordNgramLengthName = "WordNgramLength";

    /// <summary>Dimension name of the character n-gram switch (0 or 1).</summary>
    public const string UseCharNgramsName = "UseCharNgrams";

    /// <summary>Dimension name of the longest character n-gram (integer).</summary>
    public const string CharNgramLengthName = "CharNgramLength";

    /// <summary>Dimension name of the image featurizer switch (0 built-in, 1 ONNX).</summary>
    public const string OnnxImageFeaturesName = "OnnxImageFeatures";

    /// <summary>Dimension name of the scaling switch (0 min–max, 1 blocks).</summary>
    public const string BlockScalingName = "BlockScaling";

    /// <summary>Dimension name of the image weight (block scaling only).</summary>
    public const string ImageWeightName = "ImageWeight";

    /// <summary>Dimension name of the metadata weight (block scaling only).</summary>
    public const string MetadataWeightName = "MetadataWeight";

    /// <summary>Dimension name of the word-vector switch (0 off, 1 on; only when the user gave word vectors).</summary>
    public const string WordVectorsName = "WordVectors";

    /// <summary>Dimension name of the sentence-encoder switch (0 off, 1 the user's encoder; only when the user chose one).</summary>
    public const string SentenceEncoderName = "SentenceEncoder";

    /// <summary>Dimension name of the ResNet18 switch (0 built-in statistics, 1 ResNet18; only when the user chose ResNet18).</summary>
    public const string ResNet18ImageFeaturesName = "ResNet18ImageFeatures";

    /// <summary>The choice the user's options already make.</summary>
    /// <param name="options">The user's featurizer options.</param>
    public static FeaturizerChoice From(FeaturizerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Normalized(
            options.Text.WordNgramLength, options.Text.UseCharNgrams, options.Text.CharNgramLength, options.Image.Kind, options.Scaling, options.ImageWeight, options.MetadataWeight,
            options.Text.WordVectors is not null, options.Text.SentenceEncoder);
    }

    /// <summary>Reads the featurizer dimensions of a search point's values; a dimension the values lack keeps the user's setting.</summary>
    /// <param name="values">A search point's values by dimension name (the <c>*Name</c> constants of this type).</param>
    /// <param name="baseOptions">The user's featurizer options.</param>
    public static FeaturizerChoice FromDimensions(IReadOnlyDictionary<string, double> values, FeaturizerOptions baseOptions)
    {
        ArgumentNullException.ThrowIfNull(values);
        var user = From(baseOptions);
        int Read(string name, int fallback) => values.TryGetValue(name, out var v) ? (int)Math.Round(v) : fallback;
        double ReadWeight(string name, double fallback) => values.TryGetValue(name, out var v) ? QuantizeWeight(v) : fallback;
        return Normalized(
            Read(WordNgramLengthName, user.WordNgramLength),
            Read(UseCharNgramsName, user.UseCharNgrams ? 1 : 0) == 1,
            Read(CharNgramLengthName, baseOptions.Text.CharNgramLength),
            user.ImageKind == ImageFeaturizerKind.ResNet18
                ? (Read(ResNet18ImageFeaturesName, 1) == 1 ? ImageFeaturizerKind.ResNet18 : ImageFeaturizerKind.BuiltIn)
                : (Read(OnnxImageFeaturesName, user.ImageKind == ImageFeaturizerKind.Onnx ? 1 : 0) == 1 ? ImageFeaturizerKind.Onnx : ImageFeaturizerKind.BuiltIn),
            Read(BlockScalingName, baseOptions.Scaling == FeatureScaling.Blocks ? 1 : 0) == 1 ? FeatureScaling.Blocks : FeatureScaling.MinMax,
            ReadWeight(ImageWeightName, baseOptions.ImageWeight),
            ReadWeight(MetadataWeightName, baseOptions.MetadataWeight),
            baseOptions.Text.WordVectors is not null && Read(WordVectorsName, 1) == 1,
            Read(SentenceEncoderName, 1) == 1 ? baseOptions.Text.SentenceEncoder : SentenceEncoderKind.None);
    }

    /// <summary>A copy of the user's options with this choice applied; the user's object is not changed.</summary>
    /// <param name="baseOptions">The user's featurizer options.</param>
    /// <exception cref="ArgumentException">The choice asks for ONNX features but the options name no ONNX model.</exception>
    public FeaturizerOptions Apply(FeaturizerOptions baseOptions)
    {
        ArgumentNullException.ThrowIfNull(baseOptions);
        if (ImageKind == ImageFeaturizerKind.Onnx && baseOptions.Image.Onnx is null)
        {
            throw new ArgumentException("The featurizer choice uses ONNX image features but the options name no ONNX model (FeaturizerOptions.Image.Onnx).", nameof(baseOptions));
        }

        if (UseWordVectors && baseOptions.Text.WordVectors is null)
        {
            throw new ArgumentException("The featurizer choice uses word vectors but the options name no word-vector model (FeaturizerOptions.Text.WordVectors).", nameof(baseOptions));
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
                ScrubPersonalData = text.ScrubPersonalData,
                CleanSentenceText = text.CleanSentenceText,
                WordVectors = UseWordVectors ? text.WordVectors : null,
                SentenceEncoder = SentenceEncoder,
            },
            Image = new ImageFeaturizerOptions { Kind = ImageKind, Onnx = baseOptions.Image.Onnx },
            Metadata = baseOptions.Metadata,
            Scaling = Scaling,
            ImageWeight = ImageWeight,
            MetadataWeight = MetadataWeight,
            EncoderCache = baseOptions.EncoderCache,
            Executor = baseOptions.Executor,
            Progress = baseOptions.Progress,
        };
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"words 1-{WordNgramLength}, chars {(UseCharNgrams ? $"1-{CharNgramLength}" : "off")}, {(UseWordVectors ? "word vectors, " : string.Empty)}" +
        $"{(SentenceEncoder == SentenceEncoderKind.None ? string.Empty : $"{SentenceEncoder}, ")}images {ImageKind switch { ImageFeaturizerKind.Onnx => "onnx", ImageFeaturizerKind.ResNet18 => "ResNet18", _ => "built-in" }}, " +
        (Scaling == FeatureScaling.Blocks ? $"blocks (image ×{ImageWeight:0.###}, metadata ×{MetadataWeight:0.###})" : "min-max");

    /// <summary>Rounds a searched weight to the nearest power of 2^(1/4): finer steps change little, and a coarse grid lets
    /// trials share cached features and keeps leaderboards readable.</summary>
    private static double QuantizeWeight(double weight) =>
        weight > 0 && double.IsFinite(weight) ? Math.Pow(2, Math.Round(Math.Log2(weight) * 4) / 4) : weight;

    private static FeaturizerChoice Normalized(
        int word, bool chars, int charLength, ImageFeaturizerKind kind, FeatureScaling scaling, double imageWeight, double metadataWeight, bool wordVectors,
        SentenceEncoderKind sentenceEncoder) =>
        scaling == FeatureScaling.Blocks
            ? new(word, chars, chars ? charLength : 0, kind, scaling, imageWeight, metadataWeight, wordVectors, sentenceEncoder)
            : new(word, chars, chars ? charLength : 0, kind, scaling, 1, 1, wordVectors, sentenceEncoder);
}
