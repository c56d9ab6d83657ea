using CrossModalML.Data;
using CrossModalML.Featurization;
using Microsoft.ML;
using Microsoft.ML.Data;
using CrossModalML.Evaluation;

namespace CrossModalML.MultiTask;

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
        return FeatureRows.Read(featurized, ModelColumns.Features, data.RowCount);
    }
}
