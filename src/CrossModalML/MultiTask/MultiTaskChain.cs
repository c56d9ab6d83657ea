using CrossModalML.Evaluation;
using CrossModalML.Featurization;
using CrossModalML.Packaging;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace CrossModalML.MultiTask;

/// <summary>Chains the shared featurizer and the fitted heads into the saved multi-task model: each auxiliary head and its
/// renaming step, then (when stacked) the step gathering their outputs, then the main head and its renaming step.</summary>
internal static class MultiTaskChain
{
    /// <summary>Builds the chain, fitting the small renaming and gathering steps on the way.</summary>
    /// <param name="mlContext">The context the small steps are fitted in.</param>
    /// <param name="tasks">The tasks.</param>
    /// <param name="heads">Fits heads with the labels of the final fit.</param>
    /// <param name="shared">The fitted shared featurizer.</param>
    /// <param name="fitted">The final heads.</param>
    /// <param name="features">The final rows' shared features, aligned with <paramref name="rows"/>.</param>
    /// <param name="rows">The final rows.</param>
    public static ITransformer Build(MLContext mlContext, TaskSet tasks, HeadFitter heads, SharedFeatures shared, FittedHeads fitted, FeatureMatrix features, IReadOnlyList<int> rows)
    {
        var transformers = new List<ITransformer> { shared.Transformer };
        IDataView current = HeadPipeline.View(mlContext, heads.Labels[tasks.Main], features, rows, null);
        var gathered = new List<string>();
        foreach (var label in tasks.Auxiliary.Append(tasks.Main))
        {
            if (label == tasks.Main && fitted.Stacked)
            {
                var gatherer = HeadPipeline.Gatherer(mlContext, gathered, current);
                current = gatherer.Transform(current);
                transformers.Add(gatherer);
            }

            var head = fitted.Heads[label];
            var scored = head.Transform(current);
            var renamer = HeadPipeline.Renamer(mlContext, heads.Labels[label], scored);
            current = renamer.Transform(scored);
            transformers.Add(head);
            transformers.Add(renamer);
            if (label != tasks.Main)
            {
                gathered.Add(TaskColumns.Prefix(label) + fitted.OutputColumns[label]);
            }
        }

        return new TransformerChain<ITransformer>(transformers.ToArray());
    }
}
