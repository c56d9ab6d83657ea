using CrossModalML.Prediction;

namespace CrossModalML.Analysis.Explanations;

/// <summary>Per-prediction explanations straight from a <see cref="CrossModalPredictor"/>.</summary>
public static class PredictorExplanations
{
    /// <summary>Scores a post and says how much each modality and column moved the prediction, by occlusion: the post
    /// is scored again without each one, exactly as a post that lacks it (see <see cref="ModelExplainer.ExplainPost"/>).</summary>
    /// <param name="predictor">The model.</param>
    /// <param name="post">Column name → value, as for <see cref="CrossModalPredictor.Predict(IReadOnlyDictionary{string, string})"/>.</param>
    /// <param name="task">For a multi-task model, the task to explain; <c>null</c> for the main task.</param>
    /// <returns>The prediction, each modality's and column's contribution (largest effect first), and a one-line
    /// <see cref="PostExplanation.Summary"/> such as "the image pushed this post towards 'negative' (+0.41)".</returns>
    /// <remarks>Costs one batch scoring of 1 + modalities + columns variants of the post. Thread-safe like the predictor.</remarks>
    /// <exception cref="ArgumentException">The model has no task of that name, or an image path is outside the predictor's allowed root.</exception>
    public static PostExplanation Explain(this CrossModalPredictor predictor, IReadOnlyDictionary<string, string?> post, string? task = null)
    {
        ArgumentNullException.ThrowIfNull(predictor);
        return new ModelExplainer(predictor).ExplainPost(post, task);
    }
}
