using System.Globalization;
using CrossModalML.AutoML;
using CrossModalML.Featurization;
using CrossModalML.Training;

namespace CrossModalML;

/// <summary>The one place that turns the engines' progress (training steps, search trials, featurization counts, lines of
/// text) into <see cref="CrossModalProgress"/> for one stage of a run.</summary>
internal sealed class ProgressAdapter : IProgress<TrainingProgress>, IProgress<TrialResult>, IProgress<FeaturizationProgress>, IProgress<string>
{
    private readonly string _stage;
    private readonly int _trialBudget;
    private readonly IProgress<CrossModalProgress> _target;
    private readonly IProgress<TrialResult>? _trials;

    private ProgressAdapter(string stage, int? trialBudget, IProgress<CrossModalProgress> target, IProgress<TrialResult>? trials)
    {
        _stage = stage;
        _trialBudget = trialBudget ?? 0;
        _target = target;
        _trials = trials;
    }

    /// <summary>An adapter for <paramref name="stage"/>, or <c>null</c> when nobody listens.</summary>
    /// <param name="stage">The stage every report names.</param>
    /// <param name="target">The caller's progress; <c>null</c> for none.</param>
    /// <param name="trialBudget">The search's trial budget, reported as the total of trial reports; <c>null</c> when unknown.</param>
    /// <param name="trials">A trial progress the caller set in the options themselves, which keeps receiving every trial.</param>
    public static ProgressAdapter? For(string stage, IProgress<CrossModalProgress>? target, int? trialBudget = null, IProgress<TrialResult>? trials = null) =>
        target is null ? null : new ProgressAdapter(stage, trialBudget, target, trials);

    public void Report(TrainingProgress value) => _target.Report(new CrossModalProgress(_stage, value.Step, value.TotalSteps, value.Description));

    public void Report(TrialResult value)
    {
        _trials?.Report(value);
        _target.Report(new CrossModalProgress(_stage, value.Number, _trialBudget, Describe(value), value));
    }

    public void Report(FeaturizationProgress value) =>
        _target.Report(new CrossModalProgress(_stage, 0, 0, Describe(value), Items: value));

    public void Report(string value) => _target.Report(new CrossModalProgress(_stage, 0, 0, value));

    private static string Describe(FeaturizationProgress items) => items.Stage == FeaturizationProgress.Rows
        ? string.Create(CultureInfo.InvariantCulture, $"{items.Done:N0} of {items.Total:N0} rows featurized")
        : items.IsComplete
            ? string.Create(CultureInfo.InvariantCulture, $"{items.Stage}: {items.Total:N0} inputs encoded, {items.CacheHits:N0} from the cache")
            : string.Create(CultureInfo.InvariantCulture, $"{items.Stage}: {items.Done:N0} of {items.Total:N0} inputs encoded");

    private static string Describe(TrialResult trial) => trial.Status switch
    {
        TrialStatus.Running => string.Create(CultureInfo.InvariantCulture, $"trial {trial.Number}: {trial.Configuration.Trainer.Name} running"),
        TrialStatus.Completed => string.Create(CultureInfo.InvariantCulture, $"trial {trial.Number}: {trial.Configuration.Trainer.Name}, {trial.Metric} {trial.Score:0.0000}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"trial {trial.Number}: {trial.Configuration.Trainer.Name} {trial.Status.ToString().ToLowerInvariant()}{(trial.Message is { } message ? ": " + message : string.Empty)}"),
    };
}
