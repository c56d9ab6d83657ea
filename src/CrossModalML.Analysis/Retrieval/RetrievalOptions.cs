using CrossModalML.Featurization;

namespace CrossModalML.Analysis.Retrieval;

/// <summary>How a <see cref="CrossModalSpace"/> is learned: which columns pair up, how each side is featurized and
/// reduced, and how many canonical components the shared space keeps.</summary>
public sealed class RetrievalOptions
{
    /// <summary>The default number of canonical components when <see cref="Components"/> is not set.</summary>
    public const int DefaultComponents = 48;

    /// <summary>The text column. <see langword="null"/> (the default) takes the data set's only text column and fails
    /// when there is none or more than one.</summary>
    public string? TextColumn { get; set; }

    /// <summary>The image column. <see langword="null"/> (the default) takes the data set's only image column and fails
    /// when there is none or more than one.</summary>
    public string? ImageColumn { get; set; }

    /// <summary>Text featurizer settings. Default: word 1–2-grams and character 1–4-grams (TF-IDF, L2-normalised),
    /// without social signals, whose raw counts would outweigh the unit-length n-gram vector in the principal components.
    /// Any text encoder these options can name is a retrieval feature too: word vectors
    /// (<see cref="TextFeaturizerOptions.WordVectors"/>) are appended to the n-grams before the principal components.</summary>
    public TextFeaturizerOptions Text { get; set; } = new() { UseSocialSignals = false };

    /// <summary>Image featurizer settings: built-in statistics (default) or any encoder these options can name, such as an
    /// ONNX model (<see cref="OnnxImageModelOptions.MobileNetV2"/>). A pretrained encoder is usually far better for
    /// retrieval than the statistics.</summary>
    public ImageFeaturizerOptions Image { get; set; } = new();

    /// <summary>The widest vector a side hands to CCA. A wider side (TF-IDF n-grams, a 1,280-d CNN embedding) is
    /// projected onto its top principal components first. Default 256; at least 2.</summary>
    public int MaxDimensionsPerSide { get; set; } = 256;

    /// <summary>Canonical components kept in the shared space. <see langword="null"/> (the default) keeps
    /// <see cref="DefaultComponents"/>, or fewer when a side is narrower; an explicit value wider than a side is an error.</summary>
    public int? Components { get; set; }

    /// <summary>Covariance shrinkage λ in [0, 1) of CCA and least squares (see <see cref="CanonicalCorrelationAnalysis"/>).
    /// Default 0.01: enough to keep the whitening of a few hundred principal components stable; on the demo set larger
    /// values (0.1–0.6) lowered held-out recall. With <see cref="RetrievalMethod.Auto"/> it is one of the values tried
    /// (with 0.01, 0.1, 0.3, 0.6 and 0.9); the one that retrieves best on held-back pairs is kept.</summary>
    public double Regularization { get; set; } = 0.01;

    /// <summary>How texts and images are related. Default <see cref="RetrievalMethod.Auto"/>: least squares, CCA and PLS
    /// are compared on held-back pairs and CCA or PLS is kept only when it retrieves better than least squares.</summary>
    public RetrievalMethod Method { get; set; } = RetrievalMethod.Auto;

    /// <summary>Whether a side that runs a pretrained encoder (<see cref="TextFeaturizerOptions.SentenceEncoder"/>,
    /// <see cref="ImageFeaturizerKind.ResNet18"/>, an ONNX image model) uses that embedding alone, leaving out the other
    /// blocks of its featurizer (text n-grams, the image-missing indicator). A side without an encoder keeps all its
    /// blocks. Default false. On MVSA the MiniLM embedding alone retrieved worse than MiniLM beside the TF-IDF n-grams
    /// (text → image recall@10 0.206 against 0.222 with CCA, see docs/benchmarks.md).</summary>
    public bool EmbeddingsOnly { get; set; }

    /// <summary>Seed for the principal-component projection and the evaluation split. Default 1.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>Receives the count of inputs each pretrained encoder has encoded while a side's featurizer is fitted
    /// (<see cref="FeaturizerOptions.Progress"/>); <see langword="null"/> (the default) for none.</summary>
    public IProgress<FeaturizationProgress>? FeaturizationProgress { get; set; }

    /// <summary>Options that relate the pretrained encoders shipped with the library: the MiniLM sentence embedding of
    /// each text (beside its TF-IDF n-grams) and the ResNet18 embedding of each image. No model file is needed;
    /// encodings are cached on disk (see <see cref="EncoderCacheOptions"/>).</summary>
    /// <returns>New options; the other settings keep their defaults.</returns>
    public static RetrievalOptions WithPretrainedEncoders() => new()
    {
        Text = new TextFeaturizerOptions { UseSocialSignals = false, SentenceEncoder = SentenceEncoderKind.MiniLM },
        Image = new ImageFeaturizerOptions { Kind = ImageFeaturizerKind.ResNet18 },
    };

    internal void Validate()
    {
        if (!Enum.IsDefined(Method))
        {
            throw new ArgumentOutOfRangeException(nameof(Method), Method, "Method must be Auto, Cca, PartialLeastSquares or LeastSquares.");
        }

        ArgumentNullException.ThrowIfNull(Text, nameof(Text));
        ArgumentNullException.ThrowIfNull(Image, nameof(Image));
        if (MaxDimensionsPerSide < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDimensionsPerSide), MaxDimensionsPerSide, "Each side needs at least 2 dimensions; the default is 256.");
        }

        if (Components is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Components), Components, $"At least one canonical component is needed; leave it unset for the default ({DefaultComponents}).");
        }

        if (!(Regularization >= 0 && Regularization < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Regularization), Regularization, "Regularisation λ must be in [0, 1); the default is 0.01.");
        }
    }
}
