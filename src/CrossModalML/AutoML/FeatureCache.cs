using CrossModalML.Data;
using CrossModalML.Featurization;
using CrossModalML.Training;
using Microsoft.ML;
using Microsoft.ML.Data;
using CrossModalML.Evaluation;

namespace CrossModalML.AutoML;

/// <summary>Featurizes a data set once per featurizer choice and keeps every row's feature vector in memory.</summary>
/// <remarks>
/// <para>The featurizer is split into a text block (depends on the n-gram and word-vector settings only) and a non-text block
/// (metadata and images, depends on the image featurizer only), each fitted on all rows and cached apart; a choice's
/// vector is the two concatenated in the same order as the full featurizer (text first). So images are decoded once
/// per image featurizer kind however many text settings the search tries. With block scaling, the non-text block is
/// computed with modality weights of 1 and each choice's weights multiply its image and metadata slots, exactly as the
/// featurizer's own weighting does, so the weights are searched without featurizing again.</para>
/// <para>Memory: the blocks stay cached for the whole search; of the assembled matrices only the most recent few are kept.</para>
/// <para>Thread-safe: blocks are computed once under a lock (one ML.NET context is used for featurization) and are
/// read-only afterwards.</para>
/// </remarks>
internal sealed class FeatureCache
{
    private readonly MLContext _mlContext;
    private readonly PostDataset _data;
    private readonly FeaturizerOptions _baseOptions;
    private readonly bool _hasText;
    private readonly bool _hasOther;
    private readonly Lock _lock = new();
    private const int MaxCachedMatrices = 4;

    private readonly Dictionary<string, Block> _blocks = [];
    private readonly Dictionary<FeaturizerChoice, FeatureMatrix> _matrices = [];
    private readonly Queue<FeaturizerChoice> _matrixOrder = new();

    public FeatureCache(PostDataset data, FeaturizerOptions baseOptions, int seed)
    {
        _data = data;
        _baseOptions = baseOptions;
        _mlContext = new MLContext(seed);
        CrossModalRegistration.Register(_mlContext);
        var roles = data.Columns.Select(c => c.Role).ToHashSet();
        _hasText = baseOptions.Modalities.HasFlag(Modality.Text) && roles.Contains(ColumnRole.Text);
        _hasOther =
            (baseOptions.Modalities.HasFlag(Modality.Metadata) && (roles.Contains(ColumnRole.Numeric) || roles.Contains(ColumnRole.Categorical) || roles.Contains(ColumnRole.Timestamp))) ||
            (baseOptions.Modalities.HasFlag(Modality.Image) && roles.Contains(ColumnRole.Image));

        // Fail early with the featurizer's own message when nothing can be featurized.
        CrossModalFeaturizer.Build(_mlContext, data.Columns, baseOptions);
        var encoded = ModelPipelineBuilder.LabelEncoding(_mlContext, data.Task, data.LabelColumn!, data.ClassLabels).Fit(data.DataView).Transform(data.DataView);
        switch (data.Task)
        {
            case TaskKind.Binary:
                BinaryLabels = encoded.GetColumn<bool>(ModelColumns.EncodedLabel).ToArray();
                break;
            case TaskKind.Multiclass:
                ClassKeys = encoded.GetColumn<uint>(ModelColumns.EncodedLabel).ToArray();
                break;
            default:
                Values = encoded.GetColumn<float>(ModelColumns.EncodedLabel).ToArray();
                break;
        }
    }

    public bool[]? BinaryLabels { get; }

    public uint[]? ClassKeys { get; }

    public float[]? Values { get; }

    /// <summary>The features of every row for a choice, computing and caching them on first use.</summary>
    public FeatureMatrix Get(FeaturizerChoice choice, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_matrices.TryGetValue(choice, out var cached))
            {
                return cached;
            }

            var parts = new List<Block>();
            if (_hasText)
            {
                parts.Add(GetBlock($"text:{choice.WordNgramLength}:{choice.UseCharNgrams}:{choice.CharNgramLength}:{choice.UseWordVectors}:{choice.Scaling}", choice, Modality.Text, cancellationToken));
            }

            if (_hasOther)
            {
                parts.Add(GetBlock($"other:{choice.ImageKind}:{choice.Scaling}", choice, _baseOptions.Modalities & ~Modality.Text, cancellationToken));
            }

            var factors = parts.Select(p => SlotFactors(p, choice)).ToList();
            var rows = new VBuffer<float>[_data.RowCount];
            for (int i = 0; i < rows.Length; i++)
            {
                rows[i] = Concatenate(parts.Select(p => p.Rows[i]).ToList(), factors);
            }

            var matrix = new FeatureMatrix(rows, rows.Length == 0 ? 0 : rows[0].Length);
            _matrices[choice] = matrix;
            _matrixOrder.Enqueue(choice);
            if (_matrixOrder.Count > MaxCachedMatrices)
            {
                _matrices.Remove(_matrixOrder.Dequeue());
            }

            return matrix;
        }
    }

    /// <summary>Each slot's factor for a choice (null when all are 1): the modality weight of the group the slot belongs to.</summary>
    private static float[]? SlotFactors(Block block, FeaturizerChoice choice)
    {
        if (choice.Scaling != FeatureScaling.Blocks || block.Groups.All(g => Weight(g.Modality, choice) == 1))
        {
            return null;
        }

        var factors = new float[block.Groups.Sum(g => g.Slots)];
        int offset = 0;
        foreach (var (modality, slots) in block.Groups)
        {
            Array.Fill(factors, (float)Weight(modality, choice), offset, slots);
            offset += slots;
        }

        return factors;
    }

    private static double Weight(Modality modality, FeaturizerChoice choice) => modality switch
    {
        Modality.Image => choice.ImageWeight,
        Modality.Metadata => choice.MetadataWeight,
        _ => 1,
    };

    private Block GetBlock(string key, FeaturizerChoice choice, Modality modalities, CancellationToken cancellationToken)
    {
        if (_blocks.TryGetValue(key, out var block))
        {
            return block;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var options = (choice with { ImageWeight = 1, MetadataWeight = 1 }).Apply(_baseOptions);
        options.Modalities = modalities;
        var featurizer = CrossModalFeaturizer.Build(_mlContext, _data.Columns, options);
        var featurized = featurizer.Estimator.Fit(_data.DataView).Transform(_data.DataView);
        var groups = featurizer.Groups.Select(g => (g.Modality, featurized.Schema[g.OutputColumn].Type is VectorDataViewType vector ? vector.Size : 1)).ToList();
        var rows = FeatureMatrix.Read(featurized, FeaturizationPipeline.FeaturesColumnName, _data.RowCount, cancellationToken, featurizer.Progress).Rows;

        block = new Block(rows, groups);
        _blocks[key] = block;
        return block;
    }

    private static VBuffer<float> Concatenate(IReadOnlyList<VBuffer<float>> parts, IReadOnlyList<float[]?> factors)
    {
        if (parts.Count == 1 && factors[0] is null)
        {
            return parts[0];
        }

        int length = parts.Sum(p => p.Length);
        var indices = new List<int>();
        var values = new List<float>();
        int offset = 0;
        for (int p = 0; p < parts.Count; p++)
        {
            var part = parts[p];
            var factor = factors[p];
            var partValues = part.GetValues();
            if (part.IsDense)
            {
                for (int i = 0; i < partValues.Length; i++)
                {
                    if (partValues[i] != 0)
                    {
                        indices.Add(offset + i);
                        values.Add(factor is null ? partValues[i] : partValues[i] * factor[i]);
                    }
                }
            }
            else
            {
                var partIndices = part.GetIndices();
                for (int i = 0; i < partValues.Length; i++)
                {
                    indices.Add(offset + partIndices[i]);
                    values.Add(factor is null ? partValues[i] : partValues[i] * factor[partIndices[i]]);
                }
            }

            offset += part.Length;
        }

        return values.Count == length
            ? new VBuffer<float>(length, values.ToArray())
            : new VBuffer<float>(length, values.Count, values.ToArray(), indices.ToArray());
    }

    /// <summary>A featurized block: every row's vector and, in order, each feature group's modality and width.</summary>
    private sealed record Block(VBuffer<float>[] Rows, IReadOnlyList<(Modality Modality, int Slots)> Groups);
}
