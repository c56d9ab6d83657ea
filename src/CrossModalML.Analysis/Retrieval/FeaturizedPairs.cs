using CrossModalML.Data;
using CrossModalML.Featurization;
using MathNet.Numerics.LinearAlgebra;
using Microsoft.ML;

namespace CrossModalML.Analysis.Retrieval;

/// <summary>Both sides' featurizers fitted on a set of pairs, with the pairs' feature matrices (one row per pair).</summary>
/// <remarks>Owns the featurizers until <see cref="Release"/> hands them on; disposing disposes whatever it still owns.</remarks>
internal sealed class FeaturizedPairs : IDisposable
{
    private ModalityFeaturizer? _text;
    private ModalityFeaturizer? _image;

    private FeaturizedPairs(ModalityFeaturizer text, ModalityFeaturizer image, Matrix<double> textFeatures, Matrix<double> imageFeatures)
    {
        _text = text;
        _image = image;
        TextFeatures = textFeatures;
        ImageFeatures = imageFeatures;
    }

    public ModalityFeaturizer Text => _text ?? throw new ObjectDisposedException(nameof(FeaturizedPairs));

    public ModalityFeaturizer Image => _image ?? throw new ObjectDisposedException(nameof(FeaturizedPairs));

    public Matrix<double> TextFeatures { get; }

    public Matrix<double> ImageFeatures { get; }

    /// <summary>Fits the text and image featurizers (with any principal-component reduction) on the pairs and featurizes them.</summary>
    public static FeaturizedPairs Fit(RetrievalPairs pairs, RetrievalOptions options, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var mlContext = new MLContext(options.Seed);
        CrossModalRegistration.Register(mlContext);

        // A principal-component basis cannot be wider than the sample that spans it.
        int maxDimensions = Math.Min(options.MaxDimensionsPerSide, pairs.Count - 1);
        progress?.Report($"Featurizing {pairs.Count:N0} texts from '{pairs.TextColumn}'.");
        var text = ModalityFeaturizer.Fit(mlContext, pairs.TextColumn, ColumnRole.Text,
            new FeaturizerOptions { Modalities = Modality.Text, Text = options.Text, Progress = options.FeaturizationProgress }, pairs.Texts, maxDimensions, options.Seed, options.EmbeddingsOnly);
        ModalityFeaturizer? image = null;
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report($"Featurizing {pairs.Count:N0} images from '{pairs.ImageColumn}'.");
            image = ModalityFeaturizer.Fit(mlContext, pairs.ImageColumn, ColumnRole.Image,
                new FeaturizerOptions { Modalities = Modality.Image, Image = options.Image, Progress = options.FeaturizationProgress }, pairs.ImagePaths, maxDimensions, options.Seed, options.EmbeddingsOnly);
            cancellationToken.ThrowIfCancellationRequested();
            return new FeaturizedPairs(text, image, text.Transform(pairs.Texts), image.Transform(pairs.ImagePaths));
        }
        catch
        {
            text.Dispose();
            image?.Dispose();
            throw;
        }
    }

    /// <summary>Hands both featurizers to the caller, who then owns them.</summary>
    public (ModalityFeaturizer Text, ModalityFeaturizer Image) Release()
    {
        var released = (Text, Image);
        _text = null;
        _image = null;
        return released;
    }

    public void Dispose()
    {
        _text?.Dispose();
        _image?.Dispose();
        _text = null;
        _image = null;
    }
}
