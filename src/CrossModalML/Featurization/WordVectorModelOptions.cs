using System.Text.Json.Serialization;

namespace CrossModalML.Featurization;

/// <summary>A pretrained word-vector model: an ONNX graph that turns a post's word ids into one vector (typically the
/// mean of the words' vectors), and the vocabulary that numbers the words.</summary>
/// <remarks>
/// <para>The contract: the vocabulary file has one word per line, and the word on line k (1-based) has id k; the
/// graph takes one int64 tensor [1, L] of ids named <see cref="InputColumnName"/>, where id 0 means an unknown word
/// and must be ignored, and gives one float vector named <see cref="OutputColumnName"/>. GloVe 6B 100-d packed that way
/// is <c>glove6b-100d-mean-int8.onnx</c> with its <c>vocab.txt</c>; any other word vectors (fastText, word2vec, a
/// domain model) can be packed the same way.</para>
/// <para>Posts are lower-cased and split on white space and punctuation; <c>#hashtag</c> gives the word "hashtag". A
/// post with no known word gets the model's output for no words (zeros for a mean). The ONNX bytes and the vocabulary
/// are stored inside the saved model zip, so the paths are needed only while training; they are never written to a
/// manifest.</para>
/// </remarks>
public sealed class WordVectorModelOptions
{
    /// <summary>The vocabulary file's name when <see cref="VocabularyPath"/> is not set: looked for beside the model.</summary>
    public const string DefaultVocabularyFileName = "vocab.txt";

    /// <summary>Path of the .onnx file. Not serialized.</summary>
    [JsonIgnore]
    public string ModelPath { get; set; } = string.Empty;

    /// <summary>Path of the vocabulary, one word per line; <c>null</c> (default) for <c>vocab.txt</c> beside the model. Not serialized.</summary>
    [JsonIgnore]
    public string? VocabularyPath { get; set; }

    /// <summary>The model's input tensor of word ids. Default "token_ids".</summary>
    public string InputColumnName { get; set; } = "token_ids";

    /// <summary>The model's output tensor used as features. Default "embedding" (the mean word vector).</summary>
    public string OutputColumnName { get; set; } = "embedding";

    /// <summary>Settings for a model that follows the defaults, such as <c>glove6b-100d-mean-int8.onnx</c> with
    /// <c>vocab.txt</c> beside it.</summary>
    /// <param name="modelPath">Path of the .onnx file.</param>
    public static WordVectorModelOptions FromModel(string modelPath) => new() { ModelPath = modelPath };

    /// <summary>The vocabulary path in use: <see cref="VocabularyPath"/>, or <c>vocab.txt</c> beside the model.</summary>
    internal string ResolvedVocabularyPath =>
        VocabularyPath ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(ModelPath)) ?? string.Empty, DefaultVocabularyFileName);

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(ModelPath))
        {
            throw new ArgumentException("The word-vector model path is empty; set WordVectorModelOptions.ModelPath.");
        }

        if (!File.Exists(ModelPath))
        {
            throw new FileNotFoundException($"Word-vector model '{ModelPath}' does not exist (WordVectorModelOptions.ModelPath).", ModelPath);
        }

        var vocabulary = ResolvedVocabularyPath;
        if (!File.Exists(vocabulary))
        {
            throw new FileNotFoundException(
                $"The vocabulary of word-vector model '{ModelPath}' was not found at '{vocabulary}'. Put '{DefaultVocabularyFileName}' beside the model or " +
                "name the file in WordVectorModelOptions.VocabularyPath.",
                vocabulary);
        }

        if (string.IsNullOrWhiteSpace(InputColumnName) || string.IsNullOrWhiteSpace(OutputColumnName))
        {
            throw new ArgumentException("The word-vector model's input and output tensor names must not be empty (WordVectorModelOptions.InputColumnName, WordVectorModelOptions.OutputColumnName).");
        }
    }
}
