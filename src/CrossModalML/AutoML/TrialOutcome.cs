using CrossModalML.Evaluation;

namespace CrossModalML.AutoML;

/// <summary>What a trial came to; <paramref name="Abandoned"/> is the work still running after a timeout or cancellation.</summary>
/// <param name="Status">Completed, failed, timed out, or Running when the caller cancelled.</param>
/// <param name="Folds">Each fold's metrics of a completed trial.</param>
/// <param name="Message">Why the trial did not complete.</param>
/// <param name="Duration">How long the trial ran.</param>
/// <param name="Abandoned">Work left running in the background.</param>
internal sealed record TrialOutcome(TrialStatus Status, IReadOnlyList<EvaluationMetrics> Folds, string? Message, TimeSpan Duration, Task? Abandoned = null)
{
    /// <summary>The finished trial: its status and message, or for a completed one its pooled score, fold scores and loss.</summary>
    /// <param name="trial">The trial as it started.</param>
    /// <param name="metric">The metric the search optimises.</param>
    /// <param name="bestLoss">The best loss before this trial, to mark a new best.</param>
    /// <param name="estimatedCost">A deterministic cost for the tuner; <c>null</c> uses the wall time.</param>
    public TrialResult Score(TrialResult trial, AutoMLMetric metric, double bestLoss, double? estimatedCost)
    {
        double cost = estimatedCost ?? Duration.TotalSeconds;
        if (Status != TrialStatus.Completed)
        {
            return trial with { Status = Status, Message = Message, Duration = Duration, Cost = cost };
        }

        var scores = Folds.Select(f => AutoMLMetrics.Read(metric, f)).ToList();
        var valid = scores.Where(s => !double.IsNaN(s)).ToList();
        if (valid.Count == 0)
        {
            return trial with
            {
                Status = TrialStatus.Failed,
                Message = $"{metric} could not be computed on any fold (e.g. AUC needs both classes in every test fold)",
                Duration = Duration,
                Cost = cost,
            };
        }

        double mean = valid.Average();
        double std = valid.Count < 2 ? 0 : SampleStatistics.StandardDeviation(valid);

        // The score pools the folds (summed confusion matrices, size-weighted losses) where the metric allows, as
        // cross-validated single fits report it: a small or one-class fold (one event of leave-one-event-out) then
        // weighs by its rows instead of as much as the largest fold. AUC and R² cannot be pooled and stay the fold mean.
        var pooled = Folds.Count > 0 ? MetricsCalculator.Average(Folds) : null;
        double score = pooled is not null && AutoMLMetrics.Read(metric, pooled) is var value && !double.IsNaN(value) ? value : mean;
        double loss = AutoMLMetrics.ToLoss(metric, score);
        return trial with
        {
            Status = TrialStatus.Completed,
            Score = score,
            ScoreStd = std,
            FoldScores = scores,
            Metrics = pooled,
            Loss = loss,
            Duration = Duration,
            Cost = cost,
            IsNewBest = loss < bestLoss,
        };
    }
}
