using Microsoft.ML;
using Microsoft.ML.Data;
using CrossModalML.Packaging;

namespace CrossModalML.Prediction;

/// <summary>Per-post modality contributions of a late-fusion model: how far each modality's score moved the stacker's
/// decision for that post ("the image pushed this post to negative").</summary>
/// <remarks>Exact for the linear stacker: contributions are coefficient × (the post's modality score − the average training
/// score), so they need only one scoring pass, not one per modality. Thread-safe when the model is.</remarks>
public static class ModalityContributions
{
    /// <summary>Scores posts and splits each one's stacker logit into per-modality contributions.</summary>
    /// <param name="model">A late-fusion model (its chain writes the <see cref="StackerCoefficients.ScoreColumns"/>).</param>
    /// <param name="fusion">The model's fusion summary, from its manifest or training result.</param>
    /// <param name="classLabels">The model's classes, in score order.</param>
    /// <param name="posts">Posts with the model's input columns.</param>
    /// <returns>One entry per post, in input order.</returns>
    /// <exception cref="ArgumentException">The model is not a late-fusion model.</exception>
    public static IReadOnlyList<PostContributions> Compute(ITransformer model, FusionSummary fusion, IReadOnlyList<string> classLabels, IDataView posts)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(fusion);
        ArgumentNullException.ThrowIfNull(classLabels);
        ArgumentNullException.ThrowIfNull(posts);
        var stacker = fusion.Stacker;
        if (fusion.Kind != FusionKind.Late || stacker is null)
        {
            throw new ArgumentException(
                $"Per-modality contributions come from a late-fusion stacker, but this is a {fusion.Kind}-fusion model. " +
                "Train with TrainingOptions.Fusion = FusionKind.Late (or Auto), or use ModelExplainer for occlusion-based contributions.", nameof(fusion));
        }

        var scored = model.Transform(posts);
        var columns = stacker.ScoreColumns.Select(c => scored.Schema.GetColumnOrNull(c)
            ?? throw new ArgumentException($"The model writes no column '{c}'; its manifest's stacker does not match the model.", nameof(model))).ToArray();
        var result = new List<PostContributions>();
        using var cursor = scored.GetRowCursor(columns);
        bool binary = stacker.IsBinary;
        var scalarGetters = binary ? columns.Select(c => cursor.GetGetter<float>(c)).ToArray() : [];
        var vectorGetters = binary ? [] : columns.Select(c => cursor.GetGetter<VBuffer<float>>(c)).ToArray();
        int width = binary ? 1 : classLabels.Count;
        var inputs = new float[stacker.Inputs.Count];
        float scalar = 0;
        var vector = default(VBuffer<float>);
        var dense = new float[width];
        while (cursor.MoveNext())
        {
            for (int m = 0; m < columns.Length; m++)
            {
                if (binary)
                {
                    scalarGetters[m](ref scalar);
                    inputs[m] = float.IsNaN(scalar) ? 0 : scalar;
                }
                else
                {
                    vectorGetters[m](ref vector);
                    vector.CopyTo(dense);
                    for (int c = 0; c < width; c++)
                    {
                        inputs[m * width + c] = float.IsNaN(dense[c]) ? 0 : dense[c];
                    }
                }
            }

            int target = binary ? 1 : stacker.PredictedClass(inputs);
            result.Add(new PostContributions(classLabels[target], stacker.Contributions(inputs, target)));
        }

        return result;
    }
}
