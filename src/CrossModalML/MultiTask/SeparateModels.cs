using CrossModalML.AutoML;
using CrossModalML.Data;
using CrossModalML.Evaluation;
using CrossModalML.Packaging;
using CrossModalML.Training;
using Microsoft.ML;

namespace CrossModalML.MultiTask;

/// <summary>Fits each task as a separate single-task model for comparison with its head (see
/// <see cref="MultiTaskOptions.CompareWithSeparateModels"/>): its own featurizer, and the head's trainer or its own search.</summary>
internal sealed class SeparateModels
{
    private readonly MLContext _mlContext;
    private readonly MultiTaskOptions _options;
    private readonly TaskSet _tasks;
    private readonly IProgress<TrialResult>? _trials;
    private readonly CancellationToken _cancellationToken;

    /// <param name="mlContext">The context models are fitted in.</param>
    /// <param name="options">Featurizer, search and seed settings.</param>
    /// <param name="tasks">The tasks.</param>
    /// <param name="trials">Receives every search trial.</param>
    /// <param name="cancellationToken">Stops fits and searches.</param>
    public SeparateModels(MLContext mlContext, MultiTaskOptions options, TaskSet tasks, IProgress<TrialResult>? trials, CancellationToken cancellationToken)
    {
        _mlContext = mlContext;
        _options = options;
        _tasks = tasks;
        _trials = trials;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Fits a separate model of <paramref name="label"/> on the split's training rows and scores its test rows.</summary>
    /// <param name="label">The task.</param>
    /// <param name="headTrainer">The head's trainer, used unless heads are searched.</param>
    /// <param name="split">The split.</param>
    public (TrainerSpec Trainer, EvaluationMetrics Metrics) FitAndScore(string label, TrainerSpec headTrainer, DataSplit split)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        var train = _tasks.TaskData[label].Select(split.Train);
        var test = _tasks.TaskData[label].Select(split.Test);
        ITransformer model;
        TrainerSpec trainer;
        if (_options.Search is null)
        {
            trainer = headTrainer;
            var result = new CrossModalTrainer(_mlContext).Train(
                train,
                new TrainingOptions { Trainer = trainer, Featurizer = _options.Featurizer, Seed = _options.Seed, Evaluation = { Strategy = EvaluationStrategy.None } },
                cancellationToken: _cancellationToken);
            model = result.Model;
        }
        else
        {
            var search = new AutoMLExperiment(_mlContext, HeadSearchOptions.For(_options, _options.Search.Metric)).Run(train, _trials, _cancellationToken);
            trainer = search.Training.Trainer;
            model = search.Training.Model;
        }

        var metrics = new CrossModalTrainer(_mlContext).Evaluate(model, test);
        (model as IDisposable)?.Dispose();
        return (trainer, metrics);
    }
}
