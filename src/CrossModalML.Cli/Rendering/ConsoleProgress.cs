using System.Diagnostics;
using System.Globalization;
using CrossModalML.AutoML;
using CrossModalML.Training;
using Spectre.Console;

namespace CrossModalML.Cli.Rendering;

/// <summary>The CLI's one progress adapter: training steps, search trials and free-text stages become lines with counts,
/// rate, best-so-far and time left, written through the configured console.</summary>
/// <remarks>
/// The library reports through <see cref="IProgress{T}"/> on its own thread; this adapter writes on that thread, so lines
/// appear in order with the command's other output. One instance follows one run: its clock starts when it is created.
/// In a terminal the same counts also drive live bars (<see cref="LiveProgress"/>).
/// A trial numbered lower than the one before starts a new search (multi-task runs search once per head), so counts,
/// best-so-far and the time budget restart with it. The starting configurations
/// (<see cref="TrialResult.IsDefaultConfiguration"/>) are named so, and the time budget is counted from the end of the
/// last, as the search counts it. Not thread-safe.
/// </remarks>
internal sealed class ConsoleProgress : IProgress<TrainingProgress>, IProgress<TrialResult>, IProgress<string>
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Stopwatch _searchClock = Stopwatch.StartNew();
    private readonly int? _maxTrials;
    private readonly TimeSpan? _timeBudget;
    private readonly string _indent;
    private int _trialsDone;
    private TimeSpan _trialTime;
    private (int Number, double Score)? _best;
    private int _lastTrial;
    private TimeSpan? _budgetStart = TimeSpan.Zero;
    private ProgressTask? _stepBar;
    private ProgressTask? _trialBar;

    /// <summary>Creates an adapter; give the search budget so trial lines can say how much is left.</summary>
    public ConsoleProgress(int? maxTrials = null, TimeSpan? timeBudget = null, string indent = "")
    {
        _maxTrials = maxTrials;
        _timeBudget = timeBudget;
        _indent = indent;
    }

    /// <summary>Writes the step starting now, the time so far and, from the second step on, the time left at the pace so far.</summary>
    public void Report(TrainingProgress value)
    {
        var elapsed = _clock.Elapsed;
        var left = value.Step > 1 ? elapsed / (value.Step - 1) * (value.TotalSteps - value.Step + 1) : (TimeSpan?)null;
        var timing = left is { } l ? $"{Duration(elapsed)} elapsed, {Left(l)}" : $"{Duration(elapsed)} elapsed";
        ConsoleText.Line($"{_indent}[{value.Step}/{value.TotalSteps}] {value.Description} ({timing})", _indent + "    ");
        _stepBar ??= LiveProgress.AddTask("steps", value.TotalSteps);
        if (_stepBar is not null)
        {
            _stepBar.MaxValue = value.TotalSteps;
            _stepBar.Value = value.Step - 1;
            _stepBar.Description = Markup.Escape($"step {value.Step}/{value.TotalSteps}{(left is { } stepLeft ? ", " + Left(stepLeft) : string.Empty)}");
        }
    }

    /// <summary>Writes a finished trial with its score, the trials done out of the budget, the best so far and the time left.</summary>
    public void Report(TrialResult value)
    {
        if (value.Number < _lastTrial)
        {
            _trialsDone = 0;
            _trialTime = TimeSpan.Zero;
            _best = null;
            _searchClock.Restart();
            _budgetStart = TimeSpan.Zero;
            _trialBar?.StopTask();
            _trialBar = null;
        }

        _lastTrial = value.Number;

        if (value.Status == TrialStatus.Running)
        {
            // Only the live bar shows a trial that is still running; the log gets its line when it ends.
            if (value.IsDefaultConfiguration)
            {
                _budgetStart = null;
            }

            UpdateTrialBar($"trial #{value.Number} ({value.Configuration.Trainer.Name}{DefaultNote(value)}) running");
            return;
        }

        if (value.IsDefaultConfiguration)
        {
            _budgetStart = _searchClock.Elapsed;
        }

        _trialsDone++;
        _trialTime += value.Duration;
        if (value.IsNewBest && value.Status == TrialStatus.Completed)
        {
            _best = (value.Number, value.Score);
        }

        var score = value.Status == TrialStatus.Completed
            ? $"{MetricNames.Of(value.Metric)} {ConsoleText.F(value.Score)}{(value.FoldScores.Count > 1 ? $" ± {ConsoleText.F(value.ScoreStd)}" : string.Empty)}"
            : value.Message ?? string.Empty;
        var best = _best is { } b ? $"best {ConsoleText.F(b.Score)} (#{b.Number})" : "no completed trial yet";
        var count = _maxTrials is { } max ? $"{_trialsDone}/{max} trials" : $"{_trialsDone} trials";
        var rate = _searchClock.Elapsed.TotalMinutes > 0 ? _trialsDone / _searchClock.Elapsed.TotalMinutes : 0;
        var status = value.Status == TrialStatus.Completed ? (value.IsNewBest ? "new best" : "done") : value.Status.ToString();
        ConsoleText.Line(
            string.Create(
                CultureInfo.InvariantCulture,
                $"{_indent}#{value.Number} {value.Configuration.Trainer.Name}{DefaultNote(value)}: {score}, {value.Duration.TotalSeconds:0.0} s, {status} · {count}, {best}, {rate:0.0} trials/min{TimeLeft()}"),
            _indent + "    ");
        UpdateTrialBar(count + TimeLeft());
    }

    /// <summary>Writes a stage of work described by the library.</summary>
    public void Report(string value) => ConsoleText.Line($"{_indent}{value} ({Duration(_clock.Elapsed)} elapsed)", _indent + "    ");

    /// <summary>The live bar of a search: trials done out of the trial budget, or seconds used out of the time budget.</summary>
    private void UpdateTrialBar(string description)
    {
        double max = _maxTrials ?? _timeBudget?.TotalSeconds ?? 0;
        if (max <= 0)
        {
            return;
        }

        _trialBar ??= LiveProgress.AddTask("search", max);
        if (_trialBar is null)
        {
            return;
        }

        _trialBar.Value = _maxTrials is not null ? _trialsDone : Math.Min(max, BudgetUsed.TotalSeconds);
        _trialBar.Description = Markup.Escape(_best is { } b ? $"{description}, best {ConsoleText.F(b.Score)}" : description);
    }

    /// <summary>The time budget spent so far: nothing while the default configuration runs, as the search counts it.</summary>
    private TimeSpan BudgetUsed => _budgetStart is { } start ? _searchClock.Elapsed - start : TimeSpan.Zero;

    /// <summary>What sets the default configuration's trial apart, for its line and bar; empty for other trials.</summary>
    private string DefaultNote(TrialResult trial)
    {
        if (!trial.IsDefaultConfiguration)
        {
            return string.Empty;
        }

        var name = trial.Number == 1 ? "default configuration" : "default configuration on the built-in features";
        return _timeBudget is null ? $" ({name})" : $" ({name}, not counted against the time budget)";
    }

    private string TimeLeft()
    {
        TimeSpan? left = null;
        if (_timeBudget is { } budget)
        {
            if (budget <= BudgetUsed)
            {
                // The trial that ends now ran past the budget; the search stops here, nothing is "0 s" from done.
                return ", time budget used";
            }

            left = budget - BudgetUsed;
        }

        if (_maxTrials is { } max && _trialsDone > 0)
        {
            var byCount = _trialTime / _trialsDone * Math.Max(0, max - _trialsDone);
            left = left is { } l && l < byCount ? l : byCount;
        }

        return left is { } value && value > TimeSpan.Zero ? $", {Left(value)}" : string.Empty;
    }

    /// <summary>"about … left" for work that is not done: at least one second, never "0 s".</summary>
    internal static string Left(TimeSpan span) => $"about {Duration(span < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : span)} left";

    /// <summary>A short human duration: seconds under two minutes, then minutes, then hours.</summary>
    internal static string Duration(TimeSpan span) => span.TotalSeconds switch
    {
        < 120 => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0} s"),
        < 7200 => string.Create(CultureInfo.InvariantCulture, $"{span.TotalMinutes:0} min"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{span.TotalHours:0.0} h"),
    };
}
