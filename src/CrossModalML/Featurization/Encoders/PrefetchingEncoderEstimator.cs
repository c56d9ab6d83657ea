using Microsoft.ML;
using Microsoft.ML.Data;

namespace CrossModalML.Featurization.Encoders;

/// <summary>A pretrained encoder's step in a featurizer: each fit first encodes every distinct input of its data in
/// batches on all cores (hitting the disk cache where it can), then returns a plain ML.NET custom mapping that reads
/// those encodings and runs the network itself only for inputs it has not seen, as a saved model does on new posts.</summary>
/// <remarks>The encodings of one estimator are kept across its fits, so cross-validation folds and the final refit
/// encode each input at most once even with the disk cache off.</remarks>
internal sealed class PrefetchingEncoderEstimator<TInput, TOutput>(
    MLContext mlContext,
    EncoderLookup lookup,
    string inputColumnName,
    Func<EncoderLookup, Action<TInput, TOutput>> mapping,
    Action<TInput, TOutput> loadedMapping,
    string contractName) : IEstimator<ITransformer>
    where TInput : class, new()
    where TOutput : class, new()
{
    public EncoderLookup Lookup => lookup;

    public ITransformer Fit(IDataView input)
    {
        lookup.Prefetch(input.GetColumn<string>(inputColumnName).Select(v => v ?? string.Empty));
        return mlContext.Transforms.CustomMapping(mapping(lookup), contractName).Fit(input);
    }

    public SchemaShape GetOutputSchema(SchemaShape inputSchema) =>
        mlContext.Transforms.CustomMapping(loadedMapping, contractName).GetOutputSchema(inputSchema);
}
