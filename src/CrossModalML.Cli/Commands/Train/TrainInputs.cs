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

    /// <summary>The search the flags and the preset's budget describe.</summary>
    public AutoMLExperimentOptions SearchOptions()
    {
        var training = Request.Training;
        var budget = Request.Search.Budget;
        return new AutoMLExperimentOptions
        {
            Budget = budget with { Time = Plan?.TimeBudget ?? budget.Time, MaxTrials = Plan?.MaxTrials ?? budget.MaxTrials },
            Seed = training.Seed,
            Featurizer = training.Featurizer,
            Evaluation = training.Evaluation,
            Fusion = training.Fusion,
            StackingFolds = training.StackingFolds,
            TuneDecisionThreshold = training.TuneDecisionThreshold,
            Ensemble = Plan?.Ensemble ?? Request.Search.Ensemble,

            // --cluster sends the search's trials where it sends the encoder shards.
            Executor = training.Featurizer.Executor,
        };
    }
}
