using CrossModalML.AutoML;
using CrossModalML.Training;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace CrossModalML.Analysis.Trends;

/// <summary>Scores a trainer configuration for the AutoML engine on a time-ordered split of trend rows: fit on earlier
/// targets, score the later ones. Rows are built once; every trial gets its own context, so abandoned trials can overlap.</summary>
internal sealed class TrendTrialRunner : ITrialRunner
{
    private readonly IReadOnlyList<TrendExample> _training;
    private readonly IReadOnlyList<TrendExample> _validation;
    private readonly SchemaDefinition _schema;
    private readonly int _seed;

    public TrendTrialRunner(IReadOnlyList<TrendExample> training, IReadOnlyList<TrendExample> validation, SchemaDefinition schema, int seed)
    {
        _training = training;
        _validation = validation;
        _schema = schema;
        _seed = seed;
    }

    public void Prepare(FeaturizerChoice featurizer, CancellationToken cancellationToken)
    {
        // Trend features are fixed by the options; there is nothing per featurizer choice to build.
    }

    public IReadOnlyList<EvaluationMetrics> Run(TrialConfiguration configuration, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var mlContext = new MLContext(_seed);
        var model = TrendForecaster.Train(mlContext, configuration.Trainer, _schema, _training);
        cancellationToken.ThrowIfCancellationRequested();
        var counts = TrendForecaster.Score(mlContext, model, _schema, _validation).Select(s => (float)TrendExamples.Decode(s)).ToArray();
        return [MetricsCalculator.Regression(_validation.Select(r => (float)TrendExamples.Decode(r.Label)).ToArray(), counts)];
    }
}
