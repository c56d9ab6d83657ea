using CrossModalML.AutoML;
using CrossModalML.Data;

namespace CrossModalML.Cli.Commands.Train;

/// <summary>A <see cref="TrainRequest"/> with its posts loaded and the preset planned: everything a train handler needs.</summary>
/// <param name="Request">The checked flags; its options are complete (class weighting, encoders and grouping applied).</param>
/// <param name="Data">The training posts.</param>
/// <param name="Test">The posts of <c>--test-dataset</c>, if given.</param>
/// <param name="Plan">The preset's plan; <c>null</c> for a multi-task run without <c>--time</c>/<c>--max-trials</c>.</param>
internal sealed record TrainInputs(TrainRequest Request, PostDataset Data, PostDataset? Test, PresetPlan? Plan)
{
    /// <summary>Whether the run searches: the preset decides, else <c>--time</c>/<c>--max-trials</c>.</summary>
    public bool Searching => Plan?.Search ?? Request.Search.Explicit;

    /// <summary>The search the flags and the preset's plan describe (<see cref="PresetSettings.Search"/>); only for a run that searches.
    /// With <c>--cluster</c> its trials go where the encoder shards go.</summary>
    public AutoMLExperimentOptions SearchOptions()
    {
        var options = PresetSettings.Search(Plan ?? throw new InvalidOperationException("A run without a plan does not search."), Request.Training, Request.Search.Budget);
        options.Executor = Request.Training.Featurizer.Executor;
        if (Request.Search.MinimumLeadStandardErrors is { } standardErrors)
        {
            options.StartMinimumStandardErrors = standardErrors;
            options.EnsembleMinimumStandardErrors = standardErrors;
        }

        return options;
    }
}
