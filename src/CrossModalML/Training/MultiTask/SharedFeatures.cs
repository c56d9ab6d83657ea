using CrossModalML.Data;
using CrossModalML.Featurization;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace CrossModalML.Training.MultiTask;

/// <summary>The shared featurizer fitted once on some rows, and its output kept in memory for every head.</summary>
internal sealed class SharedFeatures
{
    private SharedFeatures(ITransformer transformer, int length)
    {
        Transformer = transformer;
        Length = length;
    }

    /// <summary>The fitted featurizer, writing <see cref="ModelColumns.Features"/>.</summary>
    public ITransformer Transformer { get; }

    /// <summary>The feature vector's length.</summary>
    public int Length { get; }

    public static SharedFeatures Fit(FeaturizationPipeline featurization, PostDataset train, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var transformer = featurization.Estimator.Fit(train.DataView);
        var type = transformer.GetOutputSchema(train.DataView.Schema)[ModelColumns.Features].Type as VectorDataViewType
            ?? throw new InvalidOperationException("The featurizer's Features column is not a vector.");
        return new SharedFeatures(transformer, type.Size);
    }

    /// <summary>Every row's feature vector, in row order.</summary>
    public VBuffer<float>[] Transform(PostDataset data)
    {
        var featurized = Transformer.Transform(data.DataView);
        var column = featurized.Schema[ModelColumns.Features];
        var rows = new VBuffer<float>[data.RowCount];
        using var cursor = featurized.GetRowCursor([column]);
        var getter = cursor.GetGetter<VBuffer<float>>(column);
        var buffer = default(VBuffer<float>);
        int row = 0;
        while (cursor.MoveNext())
        {
            getter(ref buffer);
            var copy = default(VBuffer<float>);
            buffer.CopyTo(ref copy);
            rows[row++] = copy;
        }

        return rows;
    }
}
