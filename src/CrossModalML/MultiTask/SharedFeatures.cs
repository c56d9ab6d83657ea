using CrossModalML.Data;
using CrossModalML.Featurization;
using Microsoft.ML;
using Microsoft.ML.Data;
using CrossModalML.Evaluation;

namespace CrossModalML.MultiTask;

/// <summary>The shared featurizer fitted once on some rows, and its output kept in memory for every head.</summary>
internal sealed class SharedFeatures
{
    private readonly IProgress<FeaturizationProgress>? _progress;

    private SharedFeatures(ITransformer transformer, FeatureLayout layout, IProgress<FeaturizationProgress>? progress)
    {
        Transformer = transformer;
        Layout = layout;
        _progress = progress;
    }

    /// <summary>The fitted featurizer, writing <see cref="ModelColumns.Features"/>.</summary>
    public ITransformer Transformer { get; }

    /// <summary>The slots of every block in the features.</summary>
    public FeatureLayout Layout { get; }

    public static SharedFeatures Fit(FeaturizationPipeline featurization, PostDataset train, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var transformer = featurization.Estimator.Fit(train.DataView);
        var schema = transformer.GetOutputSchema(train.DataView.Schema);
        if (schema[ModelColumns.Features].Type is not VectorDataViewType)
        {
            throw new InvalidOperationException("The featurizer's Features column is not a vector.");
        }

        return new SharedFeatures(transformer, FeatureLayout.Of(featurization.Groups, schema), featurization.Progress);
    }

    /// <summary>Every row's feature vector, in row order; the rows read are counted to the featurizer's progress.</summary>
    public FeatureMatrix Transform(PostDataset data) =>
        FeatureMatrix.Read(Transformer.Transform(data.DataView), ModelColumns.Features, data.RowCount, progress: _progress);
}
