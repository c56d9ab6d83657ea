using CrossModalML.Evaluation;
using CrossModalML.Packaging;

namespace CrossModalML.Training.Imbalance;

/// <summary>Chooses the decision threshold of a binary classifier that maximises a metric on validation predictions.</summary>
/// <remarks>
/// <para>A classifier trained on imbalanced classes ranks posts well (its AUC is fine) but puts the cut at 0.5, where the
/// rare class is seldom predicted. Moving the cut trades precision of the rare class for recall; the best cut for
/// macro-F1 is usually below 0.5 for a rare positive class.</para>
/// <para>Every distinct cut between the sorted probabilities is tried in one sweep (O(n log n)). Ties between cuts go to the
/// one nearest 0.5, so a flat objective leaves the threshold where it was. Pure and thread-safe.</para>
/// <para>Choose the threshold on predictions the model did not train on (out-of-fold predictions); on training-set
/// predictions an over-fitted model would pick a meaningless cut.</para>
/// </remarks>
public static class ThresholdTuner
{
    /// <summary>The default cut of a probabilistic binary classifier.</summary>
    public const double DefaultThreshold = 0.5;

    /// <summary>Finds the best threshold.</summary>
    /// <param name="truth">True class per post: 1 for the positive (second) class, 0 for the negative.</param>
    /// <param name="positiveProbabilities">The positive-class probability per post.</param>
    /// <param name="objective">The metric to maximise.</param>
    /// <exception cref="ArgumentException">The lists differ in length, are empty, or a class index is not 0 or 1.</exception>
    public static ThresholdTuning Tune(IReadOnlyList<int> truth, IReadOnlyList<float> positiveProbabilities, ClassificationObjective objective)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(positiveProbabilities);
        if (truth.Count != positiveProbabilities.Count)
        {
            throw new ArgumentException($"{truth.Count} true labels but {positiveProbabilities.Count} probabilities.", nameof(positiveProbabilities));
        }

        if (truth.Count == 0)
        {
            throw new ArgumentException("No validation predictions to choose a threshold on.", nameof(truth));
        }

        int bad = truth.ToList().FindIndex(t => t is not (0 or 1));
        if (bad >= 0)
        {
            throw new ArgumentException($"Row {bad}: class index {truth[bad]} is not 0 or 1; threshold tuning is for binary tasks.", nameof(truth));
        }

        int n = truth.Count;
        int positives = truth.Count(t => t == 1);
        var order = Enumerable.Range(0, n).OrderByDescending(i => positiveProbabilities[i]).ToArray();

        // Sweep the cut from above the highest probability down: after taking the first i posts as positive,
        // tp/fp count the positives/negatives among them.
        double bestScore = Score(objective, 0, 0, positives, n);
        double bestThreshold = Math.Min(1.0, positiveProbabilities[order[0]] + 1e-6);
        double bestDistance = Math.Abs(bestThreshold - DefaultThreshold);
        int tp = 0, fp = 0;
        for (int i = 0; i < n; i++)
        {
            if (truth[order[i]] == 1)
            {
                tp++;
            }
            else
            {
                fp++;
            }

            double here = positiveProbabilities[order[i]];
            if (i + 1 < n && positiveProbabilities[order[i + 1]] == here)
            {
                continue;
            }

            double below = i + 1 < n ? positiveProbabilities[order[i + 1]] : 0.0;
            // Any cut in (below, here] makes the same predictions: prefer 0.5 itself, else the midpoint.
            double threshold = below < DefaultThreshold && DefaultThreshold <= here ? DefaultThreshold : (here + below) / 2;
            if (threshold <= below)
            {
                threshold = here;
            }

            double score = Score(objective, tp, fp, positives, n);
            double distance = Math.Abs(threshold - DefaultThreshold);
            if (score > bestScore + 1e-12 || (Math.Abs(score - bestScore) <= 1e-12 && distance < bestDistance))
            {
                (bestScore, bestThreshold, bestDistance) = (score, threshold, distance);
            }
        }

        return new ThresholdTuning(bestThreshold, objective, Evaluate(truth, positiveProbabilities, DefaultThreshold, objective), bestScore, n);
    }

    /// <summary>The objective of binary predictions cut at <paramref name="threshold"/>.</summary>
    /// <param name="truth">True class per post (0 or 1).</param>
    /// <param name="positiveProbabilities">The positive-class probability per post.</param>
    /// <param name="threshold">Posts at or above it are predicted positive.</param>
    /// <param name="objective">The metric.</param>
    public static double Evaluate(IReadOnlyList<int> truth, IReadOnlyList<float> positiveProbabilities, double threshold, ClassificationObjective objective)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(positiveProbabilities);
        int tp = 0, fp = 0, positives = 0;
        for (int i = 0; i < truth.Count; i++)
        {
            positives += truth[i];
            if (positiveProbabilities[i] >= threshold)
            {
                tp += truth[i];
                fp += 1 - truth[i];
            }
        }

        return Score(objective, tp, fp, positives, truth.Count);
    }

    private static double Score(ClassificationObjective objective, int tp, int fp, int positives, int n)
    {
        int fn = positives - tp;
        int tn = n - positives - fp;
        if (objective == ClassificationObjective.Accuracy)
        {
            return n == 0 ? 0 : (double)(tp + tn) / n;
        }

        // Macro-F1 over the classes present, as MetricsCalculator computes it.
        double f1Positive = F1(tp, fp, fn);
        double f1Negative = F1(tn, fn, fp);
        var present = new List<double>(2);
        if (n - positives > 0)
        {
            present.Add(f1Negative);
        }

        if (positives > 0)
        {
            present.Add(f1Positive);
        }

        return present.Count == 0 ? 0 : present.Average();
    }

    private static double F1(int tp, int fp, int fn) => tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
}
