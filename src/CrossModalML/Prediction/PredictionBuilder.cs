using CrossModalML.Data;
using CrossModalML.Evaluation;

namespace CrossModalML.Prediction;

/// <summary>Turns a model's raw outputs into <see cref="PostPrediction"/>s, the same way for one post and for a batch.</summary>
internal static class PredictionBuilder
{
    /// <summary>A binary model's scalar as [1 − p, p]; an uncalibrated margin goes through a logistic, as in evaluation.</summary>
    public static float[] BinaryProbabilities(float value, bool calibrated)
    {
        float p = ScoredOutput.BinaryProbability(value, calibrated);
        return [1f - p, p];
    }

    /// <summary>Makes multiclass scores a distribution: negatives and NaN count as zero; all-zero becomes uniform.</summary>
    public static void Normalize(float[] values)
    {
        float sum = 0;
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = float.IsNaN(values[i]) || values[i] < 0 ? 0 : values[i];
            sum += values[i];
        }

        for (int i = 0; i < values.Length; i++)
        {
            values[i] = sum > 0 ? values[i] / sum : 1f / values.Length;
        }
    }

    /// <summary>A normalised copy of multiclass scores (see <see cref="Normalize"/>).</summary>
    public static float[] NormalizedCopy(float[] values)
    {
        var copy = (float[])values.Clone();
        Normalize(copy);
        return copy;
    }

    /// <summary>The most probable class, or for a binary model with a tuned <paramref name="decisionThreshold"/>, the positive
    /// class when its probability reaches the threshold.</summary>
    public static PostPrediction Classification(IReadOnlyList<string> classes, float[] probabilities, double? decisionThreshold = null)
    {
        int best = 0;
        var byClass = new Dictionary<string, float>(classes.Count, StringComparer.Ordinal);
        for (int c = 0; c < classes.Count; c++)
        {
            byClass[classes[c]] = probabilities[c];
            if (probabilities[c] > probabilities[best])
            {
                best = c;
            }
        }

        if (decisionThreshold is { } cut && classes.Count == 2)
        {
            best = BinaryDecision.IsPositive(probabilities[1], cut) ? 1 : 0;
        }

        return new PostPrediction { PredictedLabel = classes[best], Probabilities = byClass };
    }

    /// <summary>A binary prediction whose class the model itself decided (its <c>PredictedLabel</c>, see <see cref="BinaryDecision.InModel"/>).</summary>
    public static PostPrediction Binary(IReadOnlyList<string> classes, float[] probabilities, bool positive) =>
        Classification(classes, probabilities) with { PredictedLabel = classes[positive ? 1 : 0] };

    /// <summary>A binary prediction decided as <paramref name="decision"/> says; <paramref name="positive"/> is the model's
    /// own <c>PredictedLabel</c>, read only when the decision is in the model.</summary>
    public static PostPrediction Binary(IReadOnlyList<string> classes, float[] probabilities, BinaryDecision decision, Func<bool> positive) =>
        decision.InModel ? Binary(classes, probabilities, positive()) : Classification(classes, probabilities, decision.Threshold);

    public static PostPrediction Regression(float value) => new() { Value = value };
}
