using CrossModalML.Data;

namespace CrossModalML.Evaluation;

/// <summary>Computes <see cref="EvaluationMetrics"/> from true values and model outputs.</summary>
/// <remarks>Pure functions over arrays, so every trial, fold and report computes metrics the same way.</remarks>
public static class MetricsCalculator
{
    private const double ProbabilityFloor = 1e-15;

    /// <summary>Metrics of a classifier.</summary>
    /// <param name="classLabels">The classes, in the order of the probability vectors.</param>
    /// <param name="truth">The true class index of each post.</param>
    /// <param name="probabilities">Each post's probability per class.</param>
    /// <param name="decisionThreshold">Binary only: predict the positive (second) class when its probability is at least
    /// this; <c>null</c> predicts the most probable class (a cut at 0.5).</param>
    public static EvaluationMetrics Classification(
        IReadOnlyList<string> classLabels, IReadOnlyList<int> truth, IReadOnlyList<float[]> probabilities, double? decisionThreshold = null) =>
        Classification(classLabels, truth, probabilities, decisionThreshold, positives: null);

    /// <summary>Metrics of a classifier whose binary decisions are given (<paramref name="positives"/>, a model's own
    /// <c>PredictedLabel</c>) or cut from the probabilities at <paramref name="decisionThreshold"/>.</summary>
    internal static EvaluationMetrics Classification(
        IReadOnlyList<string> classLabels, IReadOnlyList<int> truth, IReadOnlyList<float[]> probabilities, double? decisionThreshold, IReadOnlyList<bool>? positives)
    {
        ArgumentNullException.ThrowIfNull(classLabels);
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(probabilities);
        if (truth.Count != probabilities.Count)
        {
            throw new ArgumentException($"{truth.Count} true labels but {probabilities.Count} predictions.", nameof(probabilities));
        }

        int k = classLabels.Count;
        var confusion = new int[k][];
        for (int i = 0; i < k; i++)
        {
            confusion[i] = new int[k];
        }

        double logLoss = 0;
        int correct = 0;
        for (int row = 0; row < truth.Count; row++)
        {
            var p = probabilities[row];
            int predicted = k != 2 ? ArgMax(p)
                : positives is not null ? (positives[row] ? 1 : 0)
                : decisionThreshold is { } cut ? (BinaryDecision.IsPositive(p[1], cut) ? 1 : 0)
                : ArgMax(p);
            confusion[truth[row]][predicted]++;
            if (predicted == truth[row])
            {
                correct++;
            }

            logLoss -= Math.Log(Math.Max(ProbabilityFloor, p[truth[row]]));
        }

        var perClass = PerClass(classLabels, confusion);
        int n = Math.Max(1, truth.Count);
        return new EvaluationMetrics
        {
            Task = k == 2 ? TaskKind.Binary : TaskKind.Multiclass,
            Count = truth.Count,
            Accuracy = (double)correct / n,
            MacroF1 = MacroF1(perClass),
            WeightedF1 = WeightedF1(perClass),
            LogLoss = logLoss / n,
            Auc = k == 2 ? Auc(truth, probabilities.Select(p => (double)p[1]).ToList()) : null,
            PerClass = perClass,
            ConfusionMatrix = confusion,
        };
    }

    /// <summary>Metrics of a regressor.</summary>
    /// <param name="truth">True values.</param>
    /// <param name="predicted">Predicted values.</param>
    public static EvaluationMetrics Regression(IReadOnlyList<float> truth, IReadOnlyList<float> predicted)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(predicted);
        if (truth.Count != predicted.Count)
        {
            throw new ArgumentException($"{truth.Count} true values but {predicted.Count} predictions.", nameof(predicted));
        }

        int n = Math.Max(1, truth.Count);
        double mean = truth.Count == 0 ? 0 : truth.Average(t => (double)t);
        double squared = 0, absolute = 0, total = 0;
        for (int i = 0; i < truth.Count; i++)
        {
            double error = predicted[i] - truth[i];
            squared += error * error;
            absolute += Math.Abs(error);
            total += (truth[i] - mean) * (truth[i] - mean);
        }

        return new EvaluationMetrics
        {
            Task = TaskKind.Regression,
            Count = truth.Count,
            Rmse = Math.Sqrt(squared / n),
            Mae = absolute / n,
            RSquared = total == 0 ? 0 : 1 - squared / total,
        };
    }

    /// <summary>Area under the ROC curve: the chance that a random positive scores above a random negative (ties count half).</summary>
    /// <param name="truth">True class index per post; 1 is positive.</param>
    /// <param name="positiveScores">The score of the positive class per post.</param>
    public static double? Auc(IReadOnlyList<int> truth, IReadOnlyList<double> positiveScores)
    {
        var order = Enumerable.Range(0, truth.Count).OrderBy(i => positiveScores[i]).ToArray();
        double rankSumPositive = 0;
        int positives = 0;
        int start = 0;
        while (start < order.Length)
        {
            int end = start;
            while (end + 1 < order.Length && positiveScores[order[end + 1]] == positiveScores[order[start]])
            {
                end++;
            }

            double averageRank = (start + end) / 2.0 + 1;
            for (int j = start; j <= end; j++)
            {
                if (truth[order[j]] == 1)
                {
                    rankSumPositive += averageRank;
                    positives++;
                }
            }

            start = end + 1;
        }

        int negatives = truth.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            return null;
        }

        return (rankSumPositive - positives * (positives + 1) / 2.0) / ((double)positives * negatives);
    }

    /// <summary>Pools fold metrics into one, as if all folds' predictions were scored together.</summary>
    /// <remarks>
    /// Accuracy, macro-F1, weighted F1 and the per-class figures come from the summed confusion matrix; log-loss, RMSE and MAE are
    /// weighted by fold size, which equals pooling. AUC and R² cannot be pooled from fold summaries and are the mean of
    /// the folds. Pooling keeps a small fold (say, one rare event in leave-one-event-out) from weighing as much as a
    /// large one, and keeps the headline numbers consistent with the per-class table.
    /// </remarks>
    /// <param name="folds">Metrics of each fold, all of one task.</param>
    public static EvaluationMetrics Average(IReadOnlyList<EvaluationMetrics> folds)
    {
        ArgumentNullException.ThrowIfNull(folds);
        if (folds.Count == 0)
        {
            throw new ArgumentException("No fold metrics to average.", nameof(folds));
        }

        if (folds.Count == 1)
        {
            return folds[0];
        }

        int total = folds.Sum(f => f.Count);
        double? Weighted(Func<EvaluationMetrics, double?> metric, bool squared = false)
        {
            if (folds.Any(f => metric(f) is null) || total == 0)
            {
                return null;
            }

            double sum = folds.Sum(f => f.Count * (squared ? metric(f)!.Value * metric(f)!.Value : metric(f)!.Value)) / total;
            return squared ? Math.Sqrt(sum) : sum;
        }

        double? Mean(Func<EvaluationMetrics, double?> metric)
        {
            var present = folds.Select(metric).Where(v => v.HasValue).Select(v => v!.Value).ToList();
            return present.Count == 0 ? null : present.Average();
        }

        var first = folds[0];
        if (first.ConfusionMatrix is null || first.PerClass is null)
        {
            return new EvaluationMetrics
            {
                Task = first.Task,
                Count = total,
                Rmse = Weighted(f => f.Rmse, squared: true),
                Mae = Weighted(f => f.Mae),
                RSquared = Mean(f => f.RSquared),
            };
        }

        int k = first.ConfusionMatrix.Count;
        var summed = Enumerable.Range(0, k).Select(_ => new int[k]).ToArray();
        foreach (var fold in folds)
        {
            for (int i = 0; i < k; i++)
            {
                for (int j = 0; j < k; j++)
                {
                    summed[i][j] += fold.ConfusionMatrix![i][j];
                }
            }
        }

        var perClass = PerClass(first.PerClass.Select(c => c.Label).ToList(), summed);
        int correct = Enumerable.Range(0, k).Sum(c => summed[c][c]);
        return new EvaluationMetrics
        {
            Task = first.Task,
            Count = total,
            Accuracy = total == 0 ? 0 : (double)correct / total,
            MacroF1 = MacroF1(perClass),
            WeightedF1 = WeightedF1(perClass),
            LogLoss = Weighted(f => f.LogLoss),
            Auc = Mean(f => f.Auc),
            PerClass = perClass,
            ConfusionMatrix = summed,
        };
    }

    private static double MacroF1(IEnumerable<ClassMetrics> perClass) =>
        perClass.Where(c => c.Support > 0).Select(c => c.F1).DefaultIfEmpty(0).Average();

    private static double WeightedF1(IReadOnlyCollection<ClassMetrics> perClass)
    {
        int support = perClass.Sum(c => c.Support);
        return support == 0 ? 0 : perClass.Sum(c => c.F1 * c.Support) / support;
    }

    private static ClassMetrics[] PerClass(IReadOnlyList<string> classLabels, int[][] confusion)
    {
        var perClass = new ClassMetrics[classLabels.Count];
        for (int c = 0; c < perClass.Length; c++)
        {
            int tp = confusion[c][c];
            int support = confusion[c].Sum();
            int predictedAsC = confusion.Sum(r => r[c]);
            double precision = predictedAsC == 0 ? 0 : (double)tp / predictedAsC;
            double recall = support == 0 ? 0 : (double)tp / support;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perClass[c] = new ClassMetrics(classLabels[c], precision, recall, f1, support);
        }

        return perClass;
    }

    private static int ArgMax(float[] values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return best;
    }
}
