using CrossModalML.AutoML;
using CrossModalML.Data;
using CrossModalML.Evaluation;
using CrossModalML.Packaging;
using CrossModalML.Training;
using Microsoft.ML;

namespace CrossModalML.MultiTask;

/// <summary>Fits each task as a separate single-task model for comparison with its head (see
/// <see cref="MultiTaskOptions.CompareWithSeparateModels"/>): its own featurizer, and the head's trainer or its own search.</summary>
/// <param name="mlContext">The context models are fitted in.</param>
/// <param name="options">Featurizer, search and seed settings.</param>
/// <param name="tasks">The tasks.</param>
/// <param name="trials">Receives every search trial.</param>
/// <param name="cancellationToken">Stops fits and searches.</param>
internal sealed class SeparateModels(MLContext mlContext, MultiTaskOptions options, TaskSet tasks, IProgress<TrialResult>? trials, CancellationToken cancellationToken)
{
    /// <summary>Fits a separate model of <paramref name="label"/> on the split's training rows and scores its test rows.</summary>
    /// <param name="label">The task.</param>
    /// <param name="headTrainer">The head's trainer, used unless heads are searched.</param>
    /// <param name="split">The split.</param>
    public (TrainerSpec Trainer, EvaluationMetrics Metrics) FitAndScore(string label, TrainerSpec headTrainer, DataSplit split)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var train = tasks.TaskData[label].Select(split.Train);
        var test = tasks.TaskData[label].Select(split.Test);
        ITransformer model;
        TrainerSpec trainer;
        if (options.Search is null)
        {
            trainer = headTrainer;
            var result = new CrossModalTrainer(mlContext).Train(
                train,
                new TrainingOptions { Trainer = trainer, Featurizer = options.Featurizer, Seed = options.Seed, Evaluation = { Strategy = EvaluationStrategy.None } },
                cancellationToken: cancellationToken);
            model = result.Model;
        }
        else
        {
            var search = new AutoMLExperiment(mlContext, HeadSearchOptions.For(options, options.Search.Budget.Metric)).Run(train, trials, cancellationToken);
            trainer = search.Training.Trainer;
            model = search.Training.Model;
        }

        var metrics = new CrossModalTrainer(mlContext).Evaluate(model, test);
        (model as IDisposable)?.Dispose();
        return (trainer, metrics);
    }
}
