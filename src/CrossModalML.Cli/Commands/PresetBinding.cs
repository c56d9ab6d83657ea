using CrossModalML.AutoML;
using CrossModalML.Data;
using Spectre.Console;

namespace CrossModalML.Cli.Commands;

/// <summary>Binds <c>--preset</c> and <c>--group-by</c> to a <see cref="PresetRequest"/>, plans the run and prints the plan.</summary>
internal static class PresetBinding
{
    /// <summary>The <c>--group-by</c> value that turns the default grouping off.</summary>
    public const string NoGrouping = "none";

    public static string PresetDescription =>
        "fast (one fit of the default trainer), balanced (default: an AutoML search whose time grows with the posts, " +
        $"clamp({SearchBudgetRule.BaseSeconds:0} s + {SearchBudgetRule.SecondsPerPost:0.###} s per post × (1 + pretrained encoders), {SearchBudgetRule.MinimumSeconds:0} s, {SearchBudgetRule.MaximumSeconds:0} s), " +
        $"or best ({SearchBudgetRule.BestFactor:0}x that). --time, --max-trials and --trainer override it.";

    /// <summary>The group column the user named, or <c>null</c> for none given or <c>--group-by none</c>.</summary>
    public static string? GroupColumn(string? groupBy) => IsNone(groupBy) ? null : groupBy;

    public static bool IsNone(string? groupBy) => string.Equals(groupBy, NoGrouping, StringComparison.OrdinalIgnoreCase);

    /// <summary>Plans the run and prints the budget and any grouping the planner chose.</summary>
    public static PresetPlan Plan(PostDataset data, PresetRequest request)
    {
        var plan = QualityPresetPlanner.Plan(data, request);
        if (plan.GroupingReason is { } grouping)
        {
            AnsiConsole.MarkupLineInterpolated($"[bold]Grouped splits:[/] {grouping}");
        }

        if (plan.Search && plan.TimeBudget is { } budget && request.TimeBudget is null && request.MaxTrials is null)
        {
            AnsiConsole.MarkupLineInterpolated($"Searching for {budget.TotalSeconds:0} s ({plan.BudgetReason}; --preset fast for one fit, --time to choose).");
        }

        return plan;
    }
}
