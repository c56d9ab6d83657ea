using System.Globalization;
using CrossModalML.Evaluation;

namespace CrossModalML.AutoML;

/// <summary>Keeps the search's simplest starting configuration when the best trial beats it by less than the noise of the
/// folds: with few rows, or posts that share a handful of images, a search of a hundred trials finds one whose validation
/// score is high by chance, and refitting it loses to the configuration the search started from.</summary>
/// <remarks>The reference is the last start trial that completed: the default trainer on the built-in features when the
/// preset added the shipped encoders (the fast preset's model), else the default configuration. Every trial of a search is scored on the
/// same folds, so the best trial's fold scores are paired with the reference's; the mean per-fold gain must reach
/// <see cref="AutoMLExperimentOptions.StartMinimumStandardErrors"/> of its standard errors. Nothing changes for a hold-out
/// (one fold), a search without start trials, or trials on row samples.</remarks>
internal static class StartKeeper
{
    /// <summary>The least number of folds the check needs to estimate a standard error.</summary>
    private const int MinimumFolds = 3;

    /// <summary>The search with the reference start ranked first when the best trial's gain over it is within the noise;
    /// otherwise <paramref name="search"/> itself.</summary>
    /// <param name="search">A finished search with a best trial.</param>
    /// <param name="minimumStandardErrors">How many standard errors the gain must reach; 0 turns the check off.</param>
    /// <param name="warnings">Receives a line saying which trial was kept and why.</param>
    public static SearchResult Apply(SearchResult search, double minimumStandardErrors, List<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(warnings);
        var best = search.Best;
        // The last start that completed: if the built-in-features start failed, the default configuration is the reference.
        var reference = search.Trials.LastOrDefault(t => t.IsDefaultConfiguration && t.SampleRows is null && t.Status == TrialStatus.Completed);
        if (minimumStandardErrors <= 0 || best is null || reference is null || ReferenceEquals(best, reference) || best.SampleRows is not null)
        {
            return search;
        }

        var (gain, standardError, folds) = PairedGain(best, reference, search.Metric);
        if (double.IsNaN(standardError) || gain >= minimumStandardErrors * standardError)
        {
            return search;
        }

        warnings.Add(string.Create(CultureInfo.InvariantCulture,
            $"Kept trial {reference.Number}, the search's starting configuration: trial {best.Number} beats it by {gain:+0.0000;-0.0000} {search.Metric} on average over {folds} folds (standard error {standardError:0.0000}), less than {minimumStandardErrors} standard errors (AutoMLExperimentOptions.StartMinimumStandardErrors), so its lead is within the noise of the folds."));
        return search with { Leaderboard = [reference, .. search.Leaderboard.Where(t => !ReferenceEquals(t, reference))] };
    }

    /// <summary>The best trial's mean gain over the reference across the folds both were scored on, on the metric's scale
    /// (positive when better), and that mean's standard error; NaN for both when fewer than 3 folds give a number for
    /// both trials (a fold can have no score, e.g. AUC on a fold of one class); and how many folds were paired.</summary>
    internal static (double Gain, double StandardError, int Folds) PairedGain(TrialResult best, TrialResult reference, AutoMLMetric metric)
    {
        double sign = AutoMLMetrics.HigherIsBetter(metric) ? 1 : -1;
        if (reference.FoldScores.Count != best.FoldScores.Count)
        {
            return (double.NaN, double.NaN, 0);
        }

        var differences = best.FoldScores.Zip(reference.FoldScores, (b, r) => sign * (b - r)).Where(double.IsFinite).ToList();
        if (differences.Count < MinimumFolds)
        {
            return (double.NaN, double.NaN, differences.Count);
        }

        return (differences.Average(), SampleStatistics.StandardDeviation(differences) / Math.Sqrt(differences.Count), differences.Count);
    }
}
