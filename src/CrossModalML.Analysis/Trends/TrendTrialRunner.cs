using CrossModalML.AutoML;
using CrossModalML.Training;
using Microsoft.ML;
using Microsoft.ML.Data;
using CrossModalML.Featurization;
using CrossModalML.Evaluation;

namespace CrossModalML.Analysis.Trends;

/// <summary>Scores a trainer configuration for the AutoML engine on time-ordered folds of trend rows: each fold fits on
/// the targets before its validation block and scores the block (MAE in posts). Rows are built once; every trial gets its
/// own context, so abandoned trials can overlap.</summary>
internal sealed class TrendTrialRunner : ITrialRunner
{
    private readonly IReadOnlyList<(List<TrendExample> Training, List<TrendExample> Validation)> _folds;
    private readonly SchemaDefinition _schema;
    private readonly int _seed;

    public TrendTrialRunner(IReadOnlyList<(List<TrendExample> Training, List<TrendExample> Validation)> folds, SchemaDefinition schema, int seed)
    {
        _folds = folds;
        _schema = schema;
        _seed = seed;
    }

    public void Prepare(FeaturizerChoice featurizer, CancellationToken cancellationToken)
    {
        // Trend features are fixed by the options; there is nothing per featurizer choice to build.
    }

    public IReadOnlyList<EvaluationMetrics> Run(TrialConfiguration configuration, CancellationToken cancellationToken)
    {
        var metrics = new List<EvaluationMetrics>();
        foreach (var (training, validation) in _folds)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var mlContext = new MLContext(_seed);
            var model = TrendForecaster.Train(mlContext, configuration.Trainer, _schema, training);
            var counts = TrendForecaster.Score(mlContext, model, _schema, validation).Select(s => (float)TrendExamples.Decode(s)).ToArray();
            metrics.Add(MetricsCalculator.Regression(validation.Select(r => (float)TrendExamples.Decode(r.Label)).ToArray(), counts));
        }

        return metrics;
    }
}
