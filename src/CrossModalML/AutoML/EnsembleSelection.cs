using CrossModalML.Training;
using CrossModalML.Evaluation;

namespace CrossModalML.AutoML;

/// <summary>Greedy ensemble selection with replacement (Caruana, Niculescu-Mizil, Crew and Ksikes, ICML 2004), as
/// AutoGluon builds its weighted ensemble: from the candidates' out-of-fold class probabilities, repeatedly add the
/// candidate whose addition makes the averaged probabilities score best on the metric; a candidate may be added again,
/// so the weights are the counts over the rounds.</summary>
/// <remarks>Pure and deterministic: ties go to the candidate listed first (pass candidates best first), and of the
/// rounds the earliest with the best score is kept, so the ensemble is as small as its score allows.</remarks>
internal static class EnsembleSelection
{
    /// <summary>Rounds of selection by default (AutoGluon's default ensemble size is of this order).</summary>
    public const int DefaultRounds = 25;

    /// <summary>The least <see cref="CrossFittedGain"/> for which an ensemble replaces the best single trial, by default
    /// (<see cref="AutoMLExperimentOptions.EnsembleMinimumGain"/>).</summary>
    public const double MinimumCrossFittedGain = 0.005;

    /// <summary>How many standard errors the <see cref="CrossFittedGain"/> must reach for an ensemble to replace the best
    /// single trial, by default (<see cref="AutoMLExperimentOptions.EnsembleMinimumStandardErrors"/>).</summary>
    public const double MinimumStandardErrors = 2;

    /// <summary>Bootstrap resamples behind <see cref="EnsembleGain.StandardError"/>.</summary>
    public const int BootstrapResamples = 200;

    /// <summary>Selects weights.</summary>
    /// <param name="candidates">Each candidate's probabilities per row (rows in the same order for all; every vector has one entry per class).</param>
    /// <param name="truth">Each row's true class index.</param>
    /// <param name="classLabels">The classes, in probability order.</param>
    /// <param name="metric">The metric to optimise (a classification metric).</param>
    /// <param name="rounds">How many times a candidate is added.</param>
    /// <exception cref="ArgumentException">No candidates, rows that do not line up, or a regression metric.</exception>
    public static EnsembleWeights Select(
        IReadOnlyList<IReadOnlyList<float[]>> candidates, IReadOnlyList<int> truth, IReadOnlyList<string> classLabels, AutoMLMetric metric, int rounds = DefaultRounds)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(classLabels);
        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);
        if (candidates.Count == 0)
        {
            throw new ArgumentException("Ensemble selection needs at least one candidate.", nameof(candidates));
        }

        if (metric is AutoMLMetric.Rmse or AutoMLMetric.RSquared or AutoMLMetric.Mae)
        {
            throw new ArgumentException($"Ensemble selection averages class probabilities; {metric} is a regression metric.", nameof(metric));
        }

        for (int c = 0; c < candidates.Count; c++)
        {
            if (candidates[c].Count != truth.Count)
            {
                throw new ArgumentException($"Candidate {c} has {candidates[c].Count} rows of probabilities but there are {truth.Count} true labels.", nameof(candidates));
            }
        }

        int k = classLabels.Count;
        var sum = truth.Select(_ => new double[k]).ToArray();
        var counts = new int[candidates.Count];
        var bestCounts = (int[])counts.Clone();
        double bestLoss = double.PositiveInfinity;
        for (int round = 1; round <= rounds; round++)
        {
            int chosen = -1;
            double chosenLoss = double.PositiveInfinity;
            for (int c = 0; c < candidates.Count; c++)
            {
                double loss = Loss(sum, candidates[c], round, truth, classLabels, metric);
                if (chosen < 0 || loss < chosenLoss)
                {
                    chosen = c;
                    chosenLoss = loss;
                }
            }

            counts[chosen]++;
            Add(sum, candidates[chosen]);
            if (chosenLoss < bestLoss)
            {
                bestLoss = chosenLoss;
                bestCounts = (int[])counts.Clone();
            }
        }

        int total = bestCounts.Sum();
        return new EnsembleWeights(bestCounts, bestCounts.Select(c => (double)c / total).ToList(), AutoMLMetrics.HigherIsBetter(metric) ? -bestLoss : bestLoss);
    }

    /// <summary>How much greedy selection beats the first candidate on rows it did not select on, and how sure that is:
    /// weights are selected on the even rows and scored on the odd ones, then the other way round, and the two gains over
    /// the first candidate's score on the same rows are averaged.</summary>
    /// <remarks>Selection scored on its own rows always looks at least as good as its first candidate, since it may pick
    /// that candidate alone; with a few hundred rows per class much of the apparent gain is fitted noise. This measures
    /// the gain that carries over to unseen rows. The score is on the metric's own scale, positive when the ensemble is
    /// better (for a lower-is-better metric, the reduction). Its standard error comes from a paired bootstrap of each
    /// half's scored rows (<see cref="BootstrapResamples"/> resamples, fixed seeds): the spread of the gain had other
    /// posts been drawn, which is what decides whether it will hold on new posts.</remarks>
    /// <param name="candidates">Each candidate's probabilities per row, the best candidate first.</param>
    /// <param name="truth">Each row's true class index.</param>
    /// <param name="classLabels">The classes, in probability order.</param>
    /// <param name="metric">The metric to optimise (a classification metric).</param>
    /// <param name="rounds">How many times a candidate is added.</param>
    /// <exception cref="ArgumentException">As for <see cref="Select"/>, or fewer than 2 rows.</exception>
    public static EnsembleGain CrossFittedGain(
        IReadOnlyList<IReadOnlyList<float[]>> candidates, IReadOnlyList<int> truth, IReadOnlyList<string> classLabels, AutoMLMetric metric, int rounds = DefaultRounds)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(truth);
        if (truth.Count < 2)
        {
            throw new ArgumentException($"Cross-fitting needs at least 2 rows; there are {truth.Count}.", nameof(truth));
        }

        double gain = 0, variance = 0;
        for (int half = 0; half < 2; half++)
        {
            var fitRows = Enumerable.Range(0, truth.Count).Where(i => i % 2 == half).ToList();
            var checkRows = Enumerable.Range(0, truth.Count).Where(i => i % 2 != half).ToList();
            var weights = Select(Rows(candidates, fitRows), fitRows.Select(i => truth[i]).ToList(), classLabels, metric, rounds);
            var checkCandidates = Rows(candidates, checkRows);
            var checkTruth = checkRows.Select(i => truth[i]).ToList();
            var ensemble = Average(checkCandidates, weights.Weights);
            gain += Gain(checkCandidates[0], ensemble, checkTruth, classLabels, metric) / 2;

            // The two halves' rows are disjoint, so their bootstrap variances add (each gain weighs 1/2).
            double spread = BootstrapStandardError(checkCandidates[0], ensemble, checkTruth, classLabels, metric, seed: half + 1);
            variance += spread * spread / 4;
        }

        return new EnsembleGain(gain, Math.Sqrt(variance));
    }

    /// <summary>The weighted average of the candidates' probabilities per row.</summary>
    /// <param name="candidates">Each candidate's probabilities per row.</param>
    /// <param name="weights">One weight per candidate, summing to 1.</param>
    public static List<float[]> Average(IReadOnlyList<IReadOnlyList<float[]>> candidates, IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(weights);
        int rows = candidates[0].Count, k = candidates[0].Count == 0 ? 0 : candidates[0][0].Length;
        var result = new List<float[]>(rows);
        for (int i = 0; i < rows; i++)
        {
            var p = new float[k];
            for (int c = 0; c < candidates.Count; c++)
            {
                for (int j = 0; j < k && weights[c] > 0; j++)
                {
                    p[j] += (float)(weights[c] * candidates[c][i][j]);
                }
            }

            result.Add(p);
        }

        return result;
    }

    private static double Loss(double[][] sum, IReadOnlyList<float[]> candidate, int members, IReadOnlyList<int> truth, IReadOnlyList<string> classLabels, AutoMLMetric metric)
    {
        var averaged = new float[sum.Length][];
        for (int i = 0; i < sum.Length; i++)
        {
            var p = new float[sum[i].Length];
            for (int j = 0; j < p.Length; j++)
            {
                p[j] = (float)((sum[i][j] + candidate[i][j]) / members);
            }

            averaged[i] = p;
        }

        return LossOf(averaged, truth, classLabels, metric);
    }

    /// <summary>The metric of some predictions as a loss (lower is better).</summary>
    private static double LossOf(IReadOnlyList<float[]> predictions, IReadOnlyList<int> truth, IReadOnlyList<string> classLabels, AutoMLMetric metric) =>
        AutoMLMetrics.ToLoss(metric, AutoMLMetrics.Read(metric, MetricsCalculator.Classification(classLabels, truth, predictions)));

    /// <summary>The second predictions' gain over the first on the metric's scale (positive when the second is better).</summary>
    private static double Gain(IReadOnlyList<float[]> first, IReadOnlyList<float[]> second, IReadOnlyList<int> truth, IReadOnlyList<string> classLabels, AutoMLMetric metric) =>
        LossOf(first, truth, classLabels, metric) - LossOf(second, truth, classLabels, metric);

    /// <summary>Standard deviation of the gain over rows drawn with replacement, both predictions scored on the same draw.</summary>
    private static double BootstrapStandardError(
        IReadOnlyList<float[]> first, IReadOnlyList<float[]> second, IReadOnlyList<int> truth, IReadOnlyList<string> classLabels, AutoMLMetric metric, int seed)
    {
        var random = new Random(seed);
        int n = truth.Count;
        var gains = new double[BootstrapResamples];
        var drawnFirst = new float[n][];
        var drawnSecond = new float[n][];
        var drawnTruth = new int[n];
        for (int b = 0; b < gains.Length; b++)
        {
            for (int i = 0; i < n; i++)
            {
                int row = random.Next(n);
                drawnFirst[i] = first[row];
                drawnSecond[i] = second[row];
                drawnTruth[i] = truth[row];
            }

            gains[b] = Gain(drawnFirst, drawnSecond, drawnTruth, classLabels, metric);
        }

        // A draw can leave the metric undefined (AUC on one class); such draws are left out, and with fewer than two
        // left the error is NaN, which keeps no ensemble.
        return SampleStatistics.StandardDeviation(gains.Where(double.IsFinite).ToList());
    }

    private static List<IReadOnlyList<float[]>> Rows(IReadOnlyList<IReadOnlyList<float[]>> candidates, IReadOnlyList<int> rows) =>
        candidates.Select(c => (IReadOnlyList<float[]>)rows.Select(i => c[i]).ToList()).ToList();

    private static void Add(double[][] sum, IReadOnlyList<float[]> candidate)
    {
        for (int i = 0; i < sum.Length; i++)
        {
            for (int j = 0; j < sum[i].Length; j++)
            {
                sum[i][j] += candidate[i][j];
            }
        }
    }
}
