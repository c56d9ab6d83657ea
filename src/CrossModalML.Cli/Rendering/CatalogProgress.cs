using CrossModalML.AutoML;
using CrossModalML.Training;

namespace CrossModalML.Cli.Rendering;

/// <summary>The one adapter from the front door's <see cref="CrossModalProgress"/> to the console: training steps and
/// lines of text go to one <see cref="ConsoleProgress"/>, search trials to another (which knows the search's budget),
/// featurization counts to <see cref="FeaturizationLines"/>.</summary>
internal sealed class CatalogProgress : IProgress<CrossModalProgress>
{
    private readonly ConsoleProgress _steps;
    private readonly ConsoleProgress _trials;
    private readonly FeaturizationLines _featurization = new();

    private CatalogProgress(ConsoleProgress steps, ConsoleProgress trials)
    {
        _steps = steps;
        _trials = trials;
    }

    /// <summary>For a run without a search: every report goes to one console line writer.</summary>
    public static CatalogProgress ForSteps()
    {
        var console = new ConsoleProgress();
        return new CatalogProgress(console, console);
    }

    /// <summary>For a search: steps and trials share one writer, whose trial lines count down <paramref name="budget"/>.</summary>
    public static CatalogProgress ForSearch(SearchBudget budget)
    {
        var console = new ConsoleProgress(budget.MaxTrials, budget.Time);
        return new CatalogProgress(console, console);
    }

    /// <summary>For a run whose steps frame searches of their own (multi-task heads, a retraining search): steps go to
    /// one writer, trials to another with <paramref name="budget"/> and <paramref name="indent"/>; without a budget
    /// (no search) every report goes to the steps' writer.</summary>
    public static CatalogProgress ForStepsAndTrials(SearchBudget? budget, string indent = "")
    {
        var steps = new ConsoleProgress();
        return new CatalogProgress(steps, budget is null ? steps : new ConsoleProgress(budget.MaxTrials, budget.Time, indent));
    }

    /// <inheritdoc />
    public void Report(CrossModalProgress value)
    {
        if (value.Trial is { } trial)
        {
            _trials.Report(trial);
        }
        else if (value.Items is { } items)
        {
            _featurization.Report(items);
        }
        else if (value.Step > 0)
        {
            _steps.Report(new TrainingProgress(value.Step, value.TotalSteps, value.Message));
        }
        else
        {
            _steps.Report(value.Message);
        }
    }
}
