using CrossModalML.AutoML;
using CrossModalML.Evaluation;
using CrossModalML.Featurization;

namespace CrossModalML.Cli.Commands.Train;

/// <summary>One trial in a search report's leaderboard.</summary>
/// <param name="Trial">The trial's number, in the order trials started.</param>
/// <param name="Trainer">The trainer's name.</param>
/// <param name="Hyperparameters">The trainer's hyperparameters.</param>
/// <param name="Featurizer">The featurizer settings the trial used.</param>
/// <param name="Metric">The search metric.</param>
/// <param name="Score">The trial's score; <c>null</c> when it has none (failed, timed out).</param>
/// <param name="Std">The score's standard deviation over folds; <c>null</c> when there is none.</param>
/// <param name="Folds">The score on each fold.</param>
/// <param name="Seconds">How long the trial ran.</param>
/// <param name="Status">How the trial ended.</param>
/// <param name="Message">Why a trial failed or was stopped.</param>
/// <param name="SampleRows">The rows the trial trained and was scored on, in a search that samples rows (successive
/// halving on large data); <c>null</c>, and left out of the report, when the trial used every row.</param>
internal sealed record LeaderboardEntry(
    int Trial,
    string Trainer,
    IReadOnlyDictionary<string, double> Hyperparameters,
    FeaturizerChoice Featurizer,
    AutoMLMetric Metric,
    double? Score,
    double? Std,
    IReadOnlyList<double> Folds,
    double Seconds,
    TrialStatus Status,
    string? Message,
    int? SampleRows)
{
    /// <summary>The entry of a finished (or failed) trial; a NaN score or deviation becomes <c>null</c>.</summary>
    public static LeaderboardEntry From(TrialResult trial) => new(
        Trial: trial.Number,
        Trainer: trial.Configuration.Trainer.Name,
        Hyperparameters: trial.Configuration.Trainer.Parameters,
        Featurizer: trial.Configuration.Featurizer,
        Metric: trial.Metric,
        Score: double.IsNaN(trial.Score) ? null : trial.Score,
        Std: double.IsNaN(trial.ScoreStd) ? null : trial.ScoreStd,
        Folds: trial.FoldScores,
        Seconds: trial.Duration.TotalSeconds,
        Status: trial.Status,
        Message: trial.Message,
        SampleRows: trial.SampleRows);
}
