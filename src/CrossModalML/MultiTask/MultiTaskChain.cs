using CrossModalML.Data;
using CrossModalML.Evaluation;
using CrossModalML.Featurization;
using CrossModalML.Packaging;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace CrossModalML.MultiTask;

/// <summary>Chains the shared featurizer and the fitted heads into the saved multi-task model: each auxiliary head (after
/// the step selecting its modalities' blocks, for a restricted head) and its renaming step, then (when stacked) the step
/// gathering their outputs, then the main head and its renaming step.</summary>
internal static class MultiTaskChain
{
    /// <summary>Builds the chain, fitting the small selecting, renaming and gathering steps on the way (they read only the
    /// schema, so no row is featurized again).</summary>
    /// <param name="mlContext">The context the small steps are fitted in.</param>
    /// <param name="tasks">The tasks.</param>
    /// <param name="heads">Fits heads with the labels and inputs of the final fit.</param>
    /// <param name="shared">The fitted shared featurizer.</param>
    /// <param name="fitted">The final heads.</param>
    /// <param name="data">The final rows' posts.</param>
    public static ITransformer Build(MLContext mlContext, TaskSet tasks, HeadFitter heads, SharedFeatures shared, FittedHeads fitted, PostDataset data)
    {
        var transformers = new List<ITransformer> { shared.Transformer };
        IDataView current = shared.Transformer.Transform(data.DataView);
        var gathered = new List<string>();
        foreach (var label in tasks.Auxiliary.Append(tasks.Main))
        {
            if (label == tasks.Main && fitted.Stacked)
            {
                Add(HeadPipeline.Gatherer(mlContext, gathered, current));
            }

            if (!heads.Inputs[label].ReadsEverySlot)
            {
                Add(HeadPipeline.Selector(mlContext, heads.Inputs[label], current));
            }

            Add(fitted.Heads[label]);
            Add(HeadPipeline.Renamer(mlContext, heads.Labels[label], current));
            if (label != tasks.Main)
            {
                gathered.Add(TaskColumns.Prefix(label) + fitted.OutputColumns[label]);
            }
        }

        return new TransformerChain<ITransformer>(transformers.ToArray());

        void Add(ITransformer step)
        {
            transformers.Add(step);
            current = step.Transform(current);
        }
    }
}
