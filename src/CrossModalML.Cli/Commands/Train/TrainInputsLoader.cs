using CrossModalML.AutoML;
using CrossModalML.Data;
using CrossModalML.Evaluation;
using CrossModalML.Packaging;
using CrossModalML.Training;
using Spectre.Console;

namespace CrossModalML.Cli.Commands.Train;

/// <summary>Loads the posts of a <see cref="TrainRequest"/>, prints what loading found, and completes the request's options
/// from the data: class weighting, the preset's encoders and grouping.</summary>
internal static class TrainInputsLoader
{
    /// <summary>Loads the training (and test) posts and completes <paramref name="request"/>'s options from them.</summary>
    public static TrainInputs Load(TrainRequest request)
    {
        var training = request.Training;
        AnsiConsole.MarkupLineInterpolated($"Loading [bold]{request.Dataset.FullName}[/] …");
        var data = PostDatasetLoader.Load(request.Dataset.FullName, request.Load);
        ConsoleOutput.LoadSummary(data, request.Labels);
        var classes = data.ClassLabels.Count > 0 ? $" ({string.Join(", ", data.ClassLabels)})" : string.Empty;
        AnsiConsole.MarkupLineInterpolated($"Task: [bold]{data.Task}[/] on '{data.LabelColumn}'{classes}");
        if (request.ClassWeighting)
        {
            var chosen = training.Trainer ?? TrainerFactory.Default(data.Task);
            training.Trainer = new TrainerSpec(chosen.Name, new Dictionary<string, double>(chosen.Parameters) { [TrainerFactory.ClassWeightingParameter] = 1 });
        }

        var plan = request.IsMultiTask && !request.Search.Explicit ? null : Plan(request, data);
        if (training.Evaluation.GroupColumn is null && request.TestDataset is null)
        {
            WarnAboutSharedImages(data);
        }

        PostDataset? test = null;
        if (request.TestDataset is { } testFile)
        {
            test = PostDatasetLoader.LoadForScoring(testFile.FullName, data.Columns, data.Task, data.ClassLabels, requireLabel: true, request.Load);
            ConsoleOutput.LoadSummary(test);
        }

        return new TrainInputs(request, data, test, plan);
    }

    /// <summary>Plans the preset and applies the encoders and grouping it chose (<see cref="PresetSettings"/>); the flags
    /// that only the command line has (an encoder flag, <c>--group-by none</c>, <c>--ensemble</c>) join the request.</summary>
    private static PresetPlan Plan(TrainRequest request, PostDataset data)
    {
        var training = request.Training;
        var plan = PresetBinding.Plan(data, PresetSettings.Request(request.Preset, training, request.Search.Budget) with
        {
            EncodersChosen = request.EncodersChosen,
            NoGrouping = request.NoGrouping,
            Ensemble = request.Search.Ensemble,
        });
        PresetSettings.Apply(plan, training);
        if (plan.EncoderReason is { } encoders)
        {
            AnsiConsole.MarkupLineInterpolated($"[bold]Encoders:[/] {encoders}");
        }

        return plan;
    }

    /// <summary>Posts that share an image leak across a random split: the test part holds near-copies of training rows.</summary>
    private static void WarnAboutSharedImages(PostDataset data)
    {
        foreach (var column in data.Columns.Where(c => c.Role == ColumnRole.Image))
        {
            var paths = data.GetColumnValues(column.Name).Where(p => p.Length > 0).ToList();
            int distinct = paths.Distinct(StringComparer.Ordinal).Count();
            if (distinct > 0 && paths.Count >= 2 * distinct)
            {
                AnsiConsole.MarkupLineInterpolated(
                    $"[yellow]Warning:[/] {paths.Count:N0} posts share {distinct:N0} images in '{column.Name}': a random split tests on images seen in training. Consider --group-by {column.Name} (or an event/user column) for honest metrics.");
            }
        }
    }
}
