using System.Globalization;
using CrossModalML.Data;
using CrossModalML.Featurization.Encoders;
using CrossModalML.Featurization.Image;
using CrossModalML.Featurization.Metadata;
using CrossModalML.Featurization.Text;
using CrossModalML.IO;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Transforms;
using Microsoft.ML.Transforms.Image;
using Microsoft.ML.Transforms.Text;

namespace CrossModalML.Featurization;

/// <summary>Builds the estimator chain that turns a post's columns into one fused <c>Features</c> vector.</summary>
/// <remarks>
/// <para>Each modality is its own block: text (TF-IDF word and character n-grams, social signals, optionally the mean
/// pretrained word vector, optionally the MiniLM or ArcticXs sentence embedding), image (built-in
/// statistics, ResNet18 or a user ONNX embedding, plus a missing indicator) and metadata (numbers with missing flags, one-hot or
/// hashed categories, time of day and week). The blocks are concatenated in that order; <see cref="FeaturizationPipeline.Groups"/>
/// says which block came from which column and modality.</para>
/// <para>A missing value never fails a post: empty text gives zero n-grams and the text-missing signal, a missing or
/// unreadable image gives zero statistics (or the encoder's output for a blank image) and the image-missing
/// indicator, a missing number is replaced by the training mean and flagged.</para>
/// <para>User, id, label and ignored columns are never featurized.</para>
/// </remarks>
public static class CrossModalFeaturizer
{
    /// <summary>White space and the punctuation GloVe-style vocabularies split off; '#' and '@' so tags give their word;
    /// typographic quotes and apostrophes (’ ‘ “ ” « » ‹ › „ ‚) so that “happy” finds the vector of happy.</summary>
    private static readonly char[] WordSeparators = " \t\r\n.,;:!?\"()[]{}#@/\\|*~<>=+\u2019\u2018\u201C\u201D\u00AB\u00BB\u2039\u203A\u201E\u201A".ToCharArray();

    /// <summary>Builds the featurizer for the given columns.</summary>
    /// <param name="mlContext">The context to build in.</param>
    /// <param name="columns">The data's columns and roles, as a <see cref="PostDataset"/> reports them.</param>
    /// <param name="options">Modalities and per-modality settings.</param>
    /// <exception cref="ArgumentException">No column can be featurized with the chosen modalities, or an option is invalid.</exception>
    public static FeaturizationPipeline Build(MLContext mlContext, IReadOnlyList<ColumnSchema> columns, FeaturizerOptions options)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var builder = new Builder(mlContext, options);
        WordVectorModelInfo? wordVectorModel = null;
        if (options.Modalities.HasFlag(Modality.Text))
        {
            wordVectorModel = AddText(builder, columns, Of(columns, ColumnRole.Text), options.Text);
        }

        if (options.Modalities.HasFlag(Modality.Metadata))
        {
            AddNumeric(builder, Of(columns, ColumnRole.Numeric), options.Metadata);
            AddCategorical(builder, Of(columns, ColumnRole.Categorical), options.Metadata);
            AddTime(builder, Of(columns, ColumnRole.Timestamp));
        }

        ImageModelInfo? imageModel = null;
        if (options.Modalities.HasFlag(Modality.Image))
        {
            imageModel = AddImages(builder, Of(columns, ColumnRole.Image), options.Image);
        }

        if (builder.Outputs.Count == 0)
        {
            var usable = columns.Where(c => c.Role is ColumnRole.Text or ColumnRole.Image or ColumnRole.Numeric or ColumnRole.Categorical or ColumnRole.Timestamp)
                .Select(c => $"{c.Name} ({c.Role})").ToList();
            throw new ArgumentException(
                $"Nothing to learn from: modalities '{options.Modalities}' match no column. " +
                (usable.Count == 0 ? "The data has no text, image, numeric, categorical or timestamp column." : $"Featurizable columns: {string.Join(", ", usable)}."));
        }

        builder.Append(mlContext.Transforms.Concatenate(FeaturizationPipeline.FeaturesColumnName, builder.Outputs.ToArray()));
        return new FeaturizationPipeline(builder.Chain, builder.Groups, imageModel, options.Scaling, wordVectorModel, builder.Encoders.Select(e => e.Info).ToList())
        {
            Progress = options.Progress,
        };
    }

    private static List<string> Of(IReadOnlyList<ColumnSchema> columns, ColumnRole role) =>
        columns.Where(c => c.Role == role).Select(c => c.Name).ToList();

    private static WordVectorModelInfo? AddText(Builder b, IReadOnlyList<ColumnSchema> columns, List<string> textColumns, TextFeaturizerOptions options)
    {
        var ml = b.MlContext;
        var wordVectors = textColumns.Count > 0 ? WordVectors(columns, options.WordVectors) : null;
        for (int i = 0; i < textColumns.Count; i++)
        {
            var column = textColumns[i];
            var ngrams = $"__cm_text_ngrams_{i}";
            var ngramSource = column;
            if (options.ScrubPersonalData)
            {
                ngramSource = $"__cm_text_clean_{i}";
                b.Append(ml.Transforms.CopyColumns(ColumnNames.TextInput, column));
                b.Append(ml.Transforms.CustomMapping<TextColumnInput, ScrubbedTextOutput>(TextScrubberMappingFactory.Map, TextScrubberMappingFactory.ContractName));
                b.Append(ml.Transforms.CopyColumns(ngramSource, ColumnNames.ScrubbedText));
            }

            b.Append(ml.Transforms.Text.FeaturizeText(ngrams, new TextFeaturizingEstimator.Options
            {
                CaseMode = TextNormalizingEstimator.CaseMode.Lower,
                KeepDiacritics = false,
                KeepPunctuations = true,
                KeepNumbers = true,
                StopWordsRemoverOptions = options.RemoveStopWords ? new StopWordsRemovingEstimator.Options() : null,
                WordFeatureExtractor = new WordBagEstimator.Options
                {
                    NgramLength = options.WordNgramLength,
                    UseAllLengths = true,
                    Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf,
                },
                CharFeatureExtractor = options.UseCharNgrams
                    ? new WordBagEstimator.Options
                    {
                        NgramLength = options.CharNgramLength,
                        UseAllLengths = true,
                        Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf,
                    }
                    : null,
                Norm = TextFeaturizingEstimator.NormFunction.L2,
            }, ngramSource));
            b.Add(new FeatureGroup($"text n-grams ({column})", Modality.Text, column, ngrams));

            if (options.UseSocialSignals)
            {
                var social = $"__cm_social_{i}";
                b.Append(ml.Transforms.CopyColumns(ColumnNames.TextInput, column));
                b.Append(ml.Transforms.CustomMapping<TextColumnInput, SocialSignalsOutput>(SocialSignalsMappingFactory.Map, SocialSignalsMappingFactory.ContractName));
                b.Append(ml.Transforms.CopyColumns(social, ColumnNames.SocialSignals));
                b.Add(new FeatureGroup($"social signals ({column})", Modality.Text, column, social), SocialSignals.Length);
            }

            if (wordVectors is { } model)
            {
                AddWordVectors(b, column, ngramSource, i, options.WordVectors!, model);
            }

            switch (options.SentenceEncoder)
            {
                case SentenceEncoderKind.MiniLM:
                    AddSentenceEmbedding<SentenceEmbeddingOutput>(
                        b, column, ngramSource, i, SentenceTransformerEncoder.MiniLM, ColumnNames.SentenceEmbedding,
                        MiniLmMappingFactory.MapWith, MiniLmMappingFactory.Map, MiniLmMappingFactory.ContractName);
                    break;
                case SentenceEncoderKind.ArcticXs:
                    AddSentenceEmbedding<ArcticXsEmbeddingOutput>(
                        b, column, ngramSource, i, SentenceTransformerEncoder.ArcticXs, ColumnNames.ArcticXsEmbedding,
                        ArcticXsMappingFactory.MapWith, ArcticXsMappingFactory.Map, ArcticXsMappingFactory.ContractName);
                    break;
            }
        }

        return wordVectors?.Info;
    }

    /// <summary>The sentence embedding of a text column: the text as the n-grams see it (scrubbed when they are), read as
    /// plain prose when <see cref="TextFeaturizerOptions.CleanSentenceText"/> is on.</summary>
    private static void AddSentenceEmbedding<TOutput>(
        Builder b, string column, string source, int index, SentenceTransformerEncoder encoder, string embeddingColumn,
        Func<EncoderLookup, Action<SentenceTextInput, TOutput>> mapping, Action<SentenceTextInput, TOutput> loadedMapping, string contractName)
        where TOutput : class, new()
    {
        var ml = b.MlContext;
        var features = $"__cm_sentence_{index}";
        if (b.Options.Text.CleanSentenceText)
        {
            // The encoder reads plain prose (SentenceTextCleaner); the n-grams keep the text as written.
            b.Append(ml.Transforms.CopyColumns(ColumnNames.TextInput, source));
            b.Append(ml.Transforms.CustomMapping<TextColumnInput, SentenceTextInput>(SentenceTextCleanerMappingFactory.Map, SentenceTextCleanerMappingFactory.ContractName));
        }
        else
        {
            b.Append(ml.Transforms.CopyColumns(ColumnNames.SentenceText, source));
        }

        b.Append(new PrefetchingEncoderEstimator<SentenceTextInput, TOutput>(ml, b.Lookup(encoder), ColumnNames.SentenceText, mapping, loadedMapping, contractName));
        b.Append(ml.Transforms.CopyColumns(features, embeddingColumn));
        b.Add(new FeatureGroup($"sentence embedding {encoder.Name} ({column})", Modality.Text, column, features), encoder.Dimensions);
    }

    /// <summary>Reads and checks the word-vector model once for all text columns.</summary>
    private static (WordVectorModelInfo Info, IReadOnlyList<KeyValuePair<string, long>> Vocabulary)? WordVectors(
        IReadOnlyList<ColumnSchema> columns, WordVectorModelOptions? options)
    {
        if (options is null)
        {
            return null;
        }

        options.Validate();

        // The graph's tensors become pipeline columns; a user column of the same name would be overwritten before it is read.
        foreach (var name in new[] { options.InputColumnName, options.OutputColumnName })
        {
            if (columns.FirstOrDefault(c => c.Name == name && c.Role != ColumnRole.Ignore) is { } clash)
            {
                throw new ArgumentException(
                    $"Column '{clash.Name}' ({clash.Role}) has the name of a tensor of word-vector model '{options.ModelPath}'; rename the column or ignore it.");
            }
        }

        int dimensions;
        using (var session = OpenSession(options.ModelPath, "WordVectorModelOptions.ModelPath"))
        {
            if (!session.InputMetadata.TryGetValue(options.InputColumnName, out var input) || input.ElementType != typeof(long))
            {
                throw new ArgumentException(
                    $"Word-vector model '{options.ModelPath}' has no int64 input '{options.InputColumnName}'. Inputs: " +
                    $"{string.Join(", ", session.InputMetadata.Select(m => $"{m.Key} ({m.Value.ElementType.Name})"))} (WordVectorModelOptions.InputColumnName).");
            }

            dimensions = OutputSlots(session, options.ModelPath, options.OutputColumnName, "WordVectorModelOptions.OutputColumnName");
        }

        var vocabularyPath = options.ResolvedVocabularyPath;
        var vocabulary = WordVectorVocabulary.Load(vocabularyPath);
        var info = new WordVectorModelInfo(
            Path.GetFileName(options.ModelPath), FileHash.Sha256(options.ModelPath), Path.GetFileName(vocabularyPath), FileHash.Sha256(vocabularyPath),
            options.InputColumnName, options.OutputColumnName, dimensions, vocabulary.Count - 1);
        return (info, vocabulary);
    }

    /// <summary>The mean pretrained vector of a text column's words: lower-cased, split on white space and punctuation,
    /// looked up in the vocabulary (unknown words get id 0, which the graph ignores), then run through the ONNX graph.</summary>
    private static void AddWordVectors(
        Builder b, string column, string source, int index, WordVectorModelOptions options, (WordVectorModelInfo Info, IReadOnlyList<KeyValuePair<string, long>> Vocabulary) model)
    {
        var ml = b.MlContext;
        string padded = $"__cm_wv_padded_{index}", normalized = $"__cm_wv_normalized_{index}", tokens = $"__cm_wv_tokens_{index}", features = $"__cm_word_vectors_{index}";
        b.Append(ml.Transforms.Expression(padded, $"x => concat(\"{WordVectorVocabulary.PaddingToken} \", x)", source));
        b.Append(ml.Transforms.Text.NormalizeText(normalized, padded, TextNormalizingEstimator.CaseMode.Lower, keepDiacritics: true, keepPunctuations: true, keepNumbers: true));
        b.Append(ml.Transforms.Text.TokenizeIntoWords(tokens, normalized, WordSeparators));
        b.Append(ml.Transforms.Conversion.MapValue(options.InputColumnName, model.Vocabulary, tokens));
        b.Append(new FreshOnnxEstimator(ml, [options.OutputColumnName], [options.InputColumnName], options.ModelPath));
        b.Append(ml.Transforms.CopyColumns(features, options.OutputColumnName));
        b.Add(new FeatureGroup($"word vectors {model.Info.FileName} ({column})", Modality.Text, column, features), model.Info.Dimensions);
    }

    private static void AddNumeric(Builder b, List<string> numericColumns, MetadataFeaturizerOptions options)
    {
        if (numericColumns.Count == 0)
        {
            return;
        }

        var ml = b.MlContext;
        var scaled = new string[numericColumns.Count];
        for (int i = 0; i < numericColumns.Count; i++)
        {
            scaled[i] = $"__cm_number_{i}";
            if (options.LogScaleNumbers)
            {
                b.Append(ml.Transforms.CopyColumns(SignedLogMappingFactory.InputColumn, numericColumns[i]));
                b.Append(ml.Transforms.CustomMapping<SignedLogInput, SignedLogOutput>(SignedLogMappingFactory.Map, SignedLogMappingFactory.ContractName));
                b.Append(ml.Transforms.CopyColumns(scaled[i], SignedLogMappingFactory.OutputColumn));
            }
            else
            {
                b.Append(ml.Transforms.CopyColumns(scaled[i], numericColumns[i]));
            }
        }

        const string raw = "__cm_numbers_raw", missingFlags = "__cm_numbers_missing_flags", missing = "__cm_numbers_missing", filled = "__cm_numbers";
        b.Append(ml.Transforms.Concatenate(raw, scaled));
        b.Append(ml.Transforms.IndicateMissingValues(missingFlags, raw));
        b.Append(ml.Transforms.Conversion.ConvertType(missing, missingFlags, DataKind.Single));
        b.Append(ml.Transforms.ReplaceMissingValues(filled, raw, MissingValueReplacingEstimator.ReplacementMode.Mean));
        var sources = string.Join(",", numericColumns);
        b.Add(new FeatureGroup("numbers", Modality.Metadata, sources, filled), numericColumns.Count);
        b.Add(new FeatureGroup("missing-number flags", Modality.Metadata, sources, missing));
    }

    private static void AddCategorical(Builder b, List<string> categoricalColumns, MetadataFeaturizerOptions options)
    {
        var ml = b.MlContext;
        for (int i = 0; i < categoricalColumns.Count; i++)
        {
            var output = $"__cm_category_{i}";
            b.Append(options.Categorical == CategoricalEncoding.Hash
                ? ml.Transforms.Categorical.OneHotHashEncoding(output, categoricalColumns[i], numberOfBits: options.HashBits)
                : ml.Transforms.Categorical.OneHotEncoding(output, categoricalColumns[i]));
            b.Add(new FeatureGroup($"category ({categoricalColumns[i]})", Modality.Metadata, categoricalColumns[i], output));
        }
    }

    private static void AddTime(Builder b, List<string> timeColumns)
    {
        var ml = b.MlContext;
        for (int i = 0; i < timeColumns.Count; i++)
        {
            var output = $"__cm_time_{i}";
            b.Append(ml.Transforms.CopyColumns(ColumnNames.TimeInput, timeColumns[i]));
            b.Append(ml.Transforms.CustomMapping<TimeInput, TimeOutput>(TimeMappingFactory.Map, TimeMappingFactory.ContractName));
            b.Append(ml.Transforms.CopyColumns(output, ColumnNames.TimeFeatures));
            b.Add(new FeatureGroup($"time of day and week ({timeColumns[i]})", Modality.Metadata, timeColumns[i], output), TimeFeatures.Length);
        }
    }

    private static ImageModelInfo? AddImages(Builder b, List<string> imageColumns, ImageFeaturizerOptions options)
    {
        if (imageColumns.Count == 0)
        {
            return null;
        }

        var ml = b.MlContext;

        // Copy every source first: an ONNX block writes a column named after the model's input tensor, which may
        // share a name with a user's image column that a later block still has to read.
        var sources = new string[imageColumns.Count];
        for (int i = 0; i < imageColumns.Count; i++)
        {
            sources[i] = $"__cm_image_source_{i}";
            b.Append(ml.Transforms.CopyColumns(sources[i], imageColumns[i]));
        }

        ImageModelInfo? info = null;
        OnnxImageModelOptions? onnx = null;
        if (options.Kind == ImageFeaturizerKind.Onnx)
        {
            onnx = options.Onnx ?? throw new ArgumentException("Image featurizer kind is Onnx but no ONNX model options are set (ImageFeaturizerOptions.Onnx).");
            onnx.Validate();
            info = new ImageModelInfo(Path.GetFileName(onnx.ModelPath), FileHash.Sha256(onnx.ModelPath), onnx.InputColumnName, onnx.OutputColumnName, onnx.Width, onnx.Height, onnx.ChannelOrder);
        }

        // Block scaling divides the standardised embedding by √(slots); only then is its width needed.
        int embeddingSlots = 0;
        if (onnx is not null && b.Options.Scaling == FeatureScaling.Blocks)
        {
            using var session = OpenSession(onnx.ModelPath, "OnnxImageModelOptions.ModelPath");
            embeddingSlots = OutputSlots(session, onnx.ModelPath, onnx.OutputColumnName, "OnnxImageModelOptions.OutputColumnName");
        }


        for (int i = 0; i < imageColumns.Count; i++)
        {
            var features = $"__cm_image_features_{i}";
            var missing = $"__cm_image_missing_{i}";
            b.Append(ml.Transforms.CopyColumns(ColumnNames.ImagePath, sources[i]));
            if (options.Kind == ImageFeaturizerKind.ResNet18)
            {
                b.Append(new PrefetchingEncoderEstimator<ImagePathInput, ImageEmbeddingOutput>(
                    ml, b.Lookup(ResNet18Encoder.Instance), ColumnNames.ImagePath, ResNet18MappingFactory.MapWith, ResNet18MappingFactory.Map, ResNet18MappingFactory.ContractName));
                b.Append(ml.Transforms.CopyColumns(features, ColumnNames.ImageEmbedding));
                b.Add(new FeatureGroup($"image embedding ResNet18 ({imageColumns[i]})", Modality.Image, imageColumns[i], features), ResNet18Encoder.Width);
            }
            else if (onnx is null)
            {
                b.Append(ml.Transforms.CustomMapping<ImagePathInput, ImageStatisticsOutput>(ImageStatisticsMappingFactory.Map, ImageStatisticsMappingFactory.ContractName));
                b.Append(ml.Transforms.CopyColumns(features, ColumnNames.ImageStatistics));
                b.Add(new FeatureGroup($"image colour and texture ({imageColumns[i]})", Modality.Image, imageColumns[i], features), ImageStatistics.Length);
            }
            else
            {
                const string loaded = "__cm_image_loaded", resized = "__cm_image_resized";
                b.Append(ml.Transforms.CustomMapping<ImagePathInput, LoadableImageOutput>(LoadableImageMappingFactory.Map, LoadableImageMappingFactory.ContractName));
                b.Append(ml.Transforms.LoadImages(loaded, imageFolder: string.Empty, inputColumnName: ColumnNames.LoadableImagePath));
                b.Append(ml.Transforms.ResizeImages(resized, onnx.Width, onnx.Height, loaded, ImageResizingEstimator.ResizingKind.IsoCrop));
                b.Append(ml.Transforms.ExtractPixels(
                    onnx.InputColumnName,
                    resized,
                    colorsToExtract: ImagePixelExtractingEstimator.ColorBits.Rgb,
                    orderOfExtraction: onnx.ChannelOrder == ImageChannelOrder.Bgr ? ImagePixelExtractingEstimator.ColorsOrder.ABGR : ImagePixelExtractingEstimator.ColorsOrder.ARGB,
                    interleavePixelColors: false));
                b.Append(new FreshOnnxEstimator(ml, [onnx.OutputColumnName], [onnx.InputColumnName], onnx.ModelPath));
                b.Append(ml.Transforms.CopyColumns(features, onnx.OutputColumnName));
                b.Add(new FeatureGroup($"image embedding {info!.FileName} ({imageColumns[i]})", Modality.Image, imageColumns[i], features), embeddingSlots);
            }

            b.Append(ml.Transforms.CopyColumns(missing, ColumnNames.ImageMissing));
            b.Add(new FeatureGroup($"image missing ({imageColumns[i]})", Modality.Image, imageColumns[i], missing));
        }

        return info;
    }

    private static InferenceSession OpenSession(string modelPath, string property)
    {
        try
        {
            return new InferenceSession(modelPath);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new ArgumentException($"'{modelPath}' could not be opened as an ONNX model ({ex.Message.Trim()}); give an .onnx file in {property}.", ex);
        }
    }

    private static int OutputSlots(InferenceSession session, string modelPath, string outputName, string property)
    {
        if (!session.OutputMetadata.TryGetValue(outputName, out var output))
        {
            throw new ArgumentException(
                $"The ONNX model '{modelPath}' has no output '{outputName}'. Outputs: {string.Join(", ", session.OutputMetadata.Keys)} ({property}).");
        }

        long slots = output.Dimensions.Where(d => d > 0).Aggregate(1L, (a, d) => a * d);
        return (int)Math.Clamp(slots, 1, int.MaxValue);
    }

    /// <summary>Accumulates the chain, the groups and the columns to concatenate.</summary>
    private sealed class Builder(MLContext mlContext, FeaturizerOptions options)
    {
        public MLContext MlContext { get; } = mlContext;

        public FeaturizerOptions Options { get; } = options;

        public IEstimator<ITransformer> Chain { get; private set; } = new EstimatorChain<ITransformer>();

        public List<FeatureGroup> Groups { get; } = [];

        public List<string> Outputs { get; } = [];

        /// <summary>The pretrained encoders in use, in order of first use.</summary>
        public List<PretrainedEncoder> Encoders { get; } = [];

        private readonly Dictionary<string, EncoderLookup> _lookups = [];

        /// <summary>One lookup per encoder, shared by its columns, so an image or text that two columns share is encoded once.</summary>
        public EncoderLookup Lookup(PretrainedEncoder encoder)
        {
            if (!_lookups.TryGetValue(encoder.Name, out var lookup))
            {
                lookup = new EncoderLookup(encoder, Options.EncoderCache ?? EncoderCacheOptions.Default, Options.Executor, Options.Progress);
                _lookups[encoder.Name] = lookup;
                Encoders.Add(encoder);
            }

            return lookup;
        }

        public void Append(IEstimator<ITransformer> estimator) => Chain = Chain.Append(estimator);

        /// <summary>Adds a block. With <see cref="FeatureScaling.Blocks"/>, a dense block (<paramref name="standardisedSlots"/>
        /// given) is standardised and divided by √(slots), and every image or metadata block is multiplied by its
        /// modality's weight; the group then names the scaled column.</summary>
        public void Add(FeatureGroup group, int? standardisedSlots = null)
        {
            if (Options.Scaling == FeatureScaling.Blocks)
            {
                double factor = group.Modality switch
                {
                    Modality.Image => Options.ImageWeight,
                    Modality.Metadata => Options.MetadataWeight,
                    _ => 1,
                };
                var column = group.OutputColumn;
                if (standardisedSlots is { } slots)
                {
                    Append(MlContext.Transforms.NormalizeMeanVariance(column + "_standardised", column, fixZero: false));
                    column += "_standardised";
                    factor /= Math.Sqrt(Math.Max(1, slots));
                }

                if (factor != 1)
                {
                    var scaled = column + "_scaled";
                    Append(MlContext.Transforms.Expression(scaled, $"x => x * {factor.ToString("0.0##########", CultureInfo.InvariantCulture)}", column));
                    column = scaled;
                }

                group = group with { OutputColumn = column };
            }

            Groups.Add(group);
            Outputs.Add(group.OutputColumn);
        }
    }
}
