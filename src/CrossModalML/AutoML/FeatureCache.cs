using CrossModalML.Data;
using CrossModalML.Featurization;
using CrossModalML.Training;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace CrossModalML.AutoML;

/// <summary>Featurizes a data set once per featurizer choice and keeps every row's feature vector in memory.</summary>
/// <remarks>
/// <para>The featurizer is split into a text block (depends on the n-gram settings only) and a non-text block
/// (metadata and images, depends on the image featurizer only), each fitted on all rows and cached apart; a choice's
/// vector is the two concatenated in the same order as the full featurizer (text first). So images are decoded once
/// per image featurizer kind however many text settings the search tries.</para>
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
    private readonly Dictionary<string, VBuffer<float>[]> _blocks = [];
    private readonly Dictionary<FeaturizerChoice, FeatureMatrix> _matrices = [];

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

            var parts = new List<VBuffer<float>[]>();
            if (_hasText)
            {
                parts.Add(Block($"text:{choice.WordNgramLength}:{choice.UseCharNgrams}:{choice.CharNgramLength}", choice, Modality.Text, cancellationToken));
            }

            if (_hasOther)
            {
                parts.Add(Block($"other:{choice.ImageKind}", choice, _baseOptions.Modalities & ~Modality.Text, cancellationToken));
            }

            var rows = new VBuffer<float>[_data.RowCount];
            for (int i = 0; i < rows.Length; i++)
            {
                rows[i] = Concatenate(parts.Select(p => p[i]).ToList());
            }

            var matrix = new FeatureMatrix(rows, rows.Length == 0 ? 0 : rows[0].Length);
            _matrices[choice] = matrix;
            return matrix;
        }
    }

    private VBuffer<float>[] Block(string key, FeaturizerChoice choice, Modality modalities, CancellationToken cancellationToken)
    {
        if (_blocks.TryGetValue(key, out var block))
        {
            return block;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var options = choice.Apply(_baseOptions);
        options.Modalities = modalities;
        var featurizer = CrossModalFeaturizer.Build(_mlContext, _data.Columns, options);
        var featurized = featurizer.Estimator.Fit(_data.DataView).Transform(_data.DataView);
        var column = featurized.Schema[FeaturizationPipeline.FeaturesColumnName];
        block = new VBuffer<float>[_data.RowCount];
        using (var cursor = featurized.GetRowCursor([column]))
        {
            var getter = cursor.GetGetter<VBuffer<float>>(column);
            var buffer = default(VBuffer<float>);
            int row = 0;
            while (cursor.MoveNext())
            {
                getter(ref buffer);
                var copy = default(VBuffer<float>);
                buffer.CopyTo(ref copy);
                block[row++] = copy;
            }
        }

        _blocks[key] = block;
        return block;
    }

    private static VBuffer<float> Concatenate(IReadOnlyList<VBuffer<float>> parts)
    {
        if (parts.Count == 1)
        {
            return parts[0];
        }

        int length = parts.Sum(p => p.Length);
        var indices = new List<int>();
        var values = new List<float>();
        int offset = 0;
        foreach (var part in parts)
        {
            var partValues = part.GetValues();
            if (part.IsDense)
            {
                for (int i = 0; i < partValues.Length; i++)
                {
                    if (partValues[i] != 0)
                    {
                        indices.Add(offset + i);
                        values.Add(partValues[i]);
                    }
                }
            }
            else
            {
                var partIndices = part.GetIndices();
                for (int i = 0; i < partValues.Length; i++)
                {
                    indices.Add(offset + partIndices[i]);
                    values.Add(partValues[i]);
                }
            }

            offset += part.Length;
        }

        return values.Count == length
            ? new VBuffer<float>(length, values.ToArray())
            : new VBuffer<float>(length, values.Count, values.ToArray(), indices.ToArray());
    }
}
