using Microsoft.ML;
using Microsoft.ML.Transforms.Onnx;

namespace CrossModalML.Featurization;

/// <summary>Applies an ONNX graph with a new ONNX session for every fit.</summary>
/// <remarks>
/// ML.NET's <see cref="OnnxScoringEstimator"/> opens its session when it is built and every <c>Fit</c> returns that
/// same transformer, so disposing one fitted model (a fold's, after it was evaluated) would close the session of every
/// later fit of the same chain. A featurizer chain is fitted once per fold and again for the refit, so each fit gets
/// its own session here and disposing a model never reaches another.
/// </remarks>
internal sealed class FreshOnnxEstimator(MLContext mlContext, string[] outputColumnNames, string[] inputColumnNames, string modelPath) : IEstimator<ITransformer>
{
    private readonly Lock _schemaLock = new();
    private OnnxScoringEstimator? _schemaEstimator;

    public ITransformer Fit(IDataView input) => Create().Fit(input);

    /// <remarks>ML.NET asks for the schema before every fit of a chain; one estimator, opened on first use and kept for
    /// the life of this one, answers every such call, so a fit opens one session, not two.</remarks>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        lock (_schemaLock)
        {
            _schemaEstimator ??= Create();
            return _schemaEstimator.GetOutputSchema(inputSchema);
        }
    }

    // A thread cap (EncoderThreads) needs the options overload; without one the estimator is built as it always was.
    private OnnxScoringEstimator Create() => EncoderThreads.IntraOpThreads == 0
        ? mlContext.Transforms.ApplyOnnxModel(outputColumnNames, inputColumnNames, modelPath)
        : mlContext.Transforms.ApplyOnnxModel(new OnnxOptions
        {
            ModelFile = modelPath,
            OutputColumns = outputColumnNames,
            InputColumns = inputColumnNames,
            IntraOpNumThreads = EncoderThreads.IntraOpThreads,
        });
}
