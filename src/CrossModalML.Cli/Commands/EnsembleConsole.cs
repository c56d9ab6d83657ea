using System.Globalization;
using CrossModalML.AutoML;
using Spectre.Console;
using CrossModalML.Packaging;

namespace CrossModalML.Cli.Commands;

/// <summary>Prints which trials an ensemble holds and with what weights.</summary>
internal static class EnsembleConsole
{
    public static void Print(EnsembleSummary? ensemble)
    {
        if (ensemble is null)
        {
            return;
        }

        var table = new Table().Border(TableBorder.Simple)
            .AddColumn(new TableColumn("trial").RightAligned()).AddColumn("trainer").AddColumn("featurizer")
            .AddColumn(new TableColumn("weight").RightAligned()).AddColumn(new TableColumn("alone").RightAligned());
        foreach (var member in ensemble.Members)
        {
            table.AddRow(
                member.Trial.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(member.Trainer.Name),
                Markup.Escape(member.Featurizer.ToString()),
                member.Weight.ToString("0.00", CultureInfo.InvariantCulture),
                member.Score.ToString("0.0000", CultureInfo.InvariantCulture));
        }

        string score = ensemble.Score.ToString("0.0000", CultureInfo.InvariantCulture);
        string single = ensemble.BestSingleScore.ToString("0.0000", CultureInfo.InvariantCulture);
        AnsiConsole.MarkupLineInterpolated(
            $"[bold]Ensemble[/] of {ensemble.Members.Count} trials (greedy selection with replacement over the best {ensemble.Candidates}, {ensemble.Rounds} rounds, {ensemble.Rows:N0} out-of-fold rows): {ensemble.Metric} {score} vs {single} for the best trial alone{CrossFitted(ensemble)}");
        AnsiConsole.Write(table);
    }

    // The figure the ensemble was kept by; absent from manifests written before it was recorded.
    private static string CrossFitted(EnsembleSummary ensemble) => ensemble.CrossFittedGain is { } gain
        ? string.Create(CultureInfo.InvariantCulture, $"; {gain:+0.0000;-0.0000}{StandardError(ensemble)} over it when selected on half of those rows and scored on the other half")
        : string.Empty;

    private static string StandardError(EnsembleSummary ensemble) => ensemble.CrossFittedGainStandardError is { } error
        ? string.Create(CultureInfo.InvariantCulture, $" (standard error {error:0.0000})")
        : string.Empty;
}
