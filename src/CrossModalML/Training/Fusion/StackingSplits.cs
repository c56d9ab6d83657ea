using CrossModalML.Data;
using CrossModalML.Evaluation;

namespace CrossModalML.Training.Fusion;

/// <summary>The folds of the out-of-fold predictions over the training rows: <see cref="TrainingOptions.StackingFolds"/>
/// stratified folds, grouped by <see cref="EvaluationOptions.GroupColumn"/> (leave-one-group-out when there are fewer
/// groups than folds), or chained forward in time by <see cref="EvaluationOptions.TimeColumn"/>, so no row is scored by a
/// model that learnt from later posts. Forward chaining never scores the earliest block.</summary>
internal static class StackingSplits
{
    /// <summary>Splits the training rows.</summary>
    /// <param name="train">The training rows.</param>
    /// <param name="options">Stacking folds, group column and seed.</param>
    /// <exception cref="ArgumentException">The group column has fewer than two values among the training rows.</exception>
    public static IReadOnlyList<DataSplit> Create(PostDataset train, TrainingOptions options)
    {
        var evaluation = new EvaluationOptions
        {
            Strategy = EvaluationStrategy.CrossValidation,
            Folds = options.StackingFolds,
            GroupColumn = options.Evaluation.GroupColumn,
            TimeColumn = options.Evaluation.TimeColumn,
        };
        if (evaluation.TimeColumn is not null)
        {
            try
            {
                return evaluation.CreateSplits(train, options.Seed).Splits;
            }
            catch (PostDataException error)
            {
                throw new PostDataException(
                    $"The out-of-fold predictions of the training rows chain forward in time over TrainingOptions.StackingFolds = {options.StackingFolds} folds, " +
                    $"and cannot: {error.Message} For these inner folds, fewer TrainingOptions.StackingFolds lengthen the first block.");
            }
        }

        if (evaluation.GroupColumn is { } group)
        {
            // Fewer groups than folds (three training events, say) means leave-one-group-out.
            int groups = DataSplitter.GroupCount(GroupKeys.Of(train, group));
            if (groups < 2)
            {
                throw new ArgumentException(
                    $"The out-of-fold predictions are grouped by '{group}', but the training rows have {groups} distinct value(s) of it; at least 2 are needed. Clear EvaluationOptions.GroupColumn, or use TrainingOptions.Fusion = FusionKind.Early without TrainingOptions.TuneDecisionThreshold.");
            }

            evaluation.Folds = Math.Min(evaluation.Folds, groups);
        }

        return evaluation.CreateSplits(train, options.Seed).Splits;
    }
}
