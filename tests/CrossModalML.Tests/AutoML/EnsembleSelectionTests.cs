using CrossModalML.AutoML;
using CrossModalML.Evaluation;

namespace CrossModalML.Tests.AutoML;

[TestClass]
public sealed class EnsembleSelectionTests
{
    private static readonly string[] Classes = ["no", "yes"];

    private static float[] P(float yes) => [1 - yes, yes];

    [TestMethod]
    public void Greedy_selection_mixes_two_complementary_trials_equally_and_leaves_the_uninformative_one_out()
    {
        // A is sure and right on rows 0-1 but leans wrong on 2-3; B the other way round; C says 0.5 everywhere. Alone each
        // gets one class right (macro-F1 1/3); the mean of A and B gets every row right.
        int[] truth = [0, 0, 1, 1];
        IReadOnlyList<float[]> a = [P(0.1f), P(0.1f), P(0.4f), P(0.4f)];
        IReadOnlyList<float[]> b = [P(0.6f), P(0.6f), P(0.9f), P(0.9f)];
        IReadOnlyList<float[]> c = [P(0.5f), P(0.5f), P(0.5f), P(0.5f)];

        var weights = EnsembleSelection.Select([a, b, c], truth, Classes, AutoMLMetric.MacroF1);

        CollectionAssert.AreEqual(new[] { 1, 1, 0 }, weights.Counts.ToArray(), "round 1 takes A (first of the tied), round 2 adds B, later rounds only tie");
        CollectionAssert.AreEqual(new[] { 0.5, 0.5, 0.0 }, weights.Weights.ToArray());
        Assert.AreEqual(1.0, weights.Score, 1e-12);
    }

    [TestMethod]
    public void Selection_with_replacement_finds_unequal_weights_when_they_score_best()
    {
        // B alone gets rows 1-3 right and row 0 wrong; 1:1 still says yes on row 0 ((0.2 + 0.95) / 2 = 0.575). Only 2:1 for A
        // gets all four: row 0 0.45, row 1 0.517, row 2 0.533, row 3 0.167.
        int[] truth = [0, 1, 1, 0];
        IReadOnlyList<float[]> a = [P(0.2f), P(0.3f), P(0.45f), P(0.1f)];
        IReadOnlyList<float[]> b = [P(0.95f), P(0.95f), P(0.7f), P(0.3f)];

        var weights = EnsembleSelection.Select([a, b], truth, Classes, AutoMLMetric.Accuracy);

        Assert.AreEqual(1.0, weights.Score, 1e-12);
        Assert.AreEqual(2.0 / 3, weights.Weights[0], 1e-12);
        Assert.AreEqual(1.0 / 3, weights.Weights[1], 1e-12);
        var mixed = EnsembleSelection.Average([a, b], weights.Weights);
        Assert.AreEqual((2 * 0.45 + 0.7) / 3, mixed[2][1], 1e-6);
    }

    [TestMethod]
    public void Misaligned_candidates_and_regression_metrics_are_refused_with_the_reason()
    {
        IReadOnlyList<float[]> shortCandidate = [P(0.5f)];
        var error = Assert.ThrowsExactly<ArgumentException>(() => EnsembleSelection.Select([shortCandidate], [0, 1], Classes, AutoMLMetric.MacroF1));
        StringAssert.Contains(error.Message, "1 rows of probabilities but there are 2 true labels");
        Assert.ThrowsExactly<ArgumentException>(() => EnsembleSelection.Select([shortCandidate], [0], Classes, AutoMLMetric.Rmse));
    }

    [TestMethod]
    public void A_gain_that_holds_on_both_halves_of_the_rows_survives_cross_fitting()
    {
        // The complementary pair of the first test, four times over: A and B mixed get every row right on either half.
        int[] truth = [0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1];
        IReadOnlyList<float[]> a = Enumerable.Range(0, 16).Select(i => truth[i] == 0 ? P(0.1f) : P(0.4f)).ToList();
        IReadOnlyList<float[]> b = Enumerable.Range(0, 16).Select(i => truth[i] == 0 ? P(0.6f) : P(0.9f)).ToList();

        var (gain, standardError) = EnsembleSelection.CrossFittedGain([a, b], truth, Classes, AutoMLMetric.Accuracy);

        Assert.AreEqual(0.5, gain, 1e-12, "A alone is right on half the rows; the mix on all of them");
        Assert.IsTrue(standardError > 0 && gain > EnsembleSelection.MinimumStandardErrors * standardError, $"a gain on every other row is clear of its noise: standard error {standardError}");
    }

    [TestMethod]
    public void A_candidate_that_helps_only_on_the_rows_it_was_selected_on_has_no_cross_fitted_gain()
    {
        // A is right everywhere except rows 0 and 2; B fixes those but is wrong on rows 1 and 3. Selected on the even rows,
        // B looks like a gain; scored on the odd rows it costs accuracy. Selected on the odd rows, A stays alone.
        int[] truth = [1, 1, 1, 1, 0, 0, 0, 0];
        IReadOnlyList<float[]> a = [P(0.45f), P(0.6f), P(0.45f), P(0.6f), P(0.3f), P(0.3f), P(0.3f), P(0.3f)];
        IReadOnlyList<float[]> b = [P(0.9f), P(0.1f), P(0.9f), P(0.1f), P(0.3f), P(0.3f), P(0.3f), P(0.3f)];

        var everyRow = EnsembleSelection.Select([a, b], truth, Classes, AutoMLMetric.Accuracy);
        double gain = EnsembleSelection.CrossFittedGain([a, b], truth, Classes, AutoMLMetric.Accuracy).Gain;

        Assert.IsTrue(gain < 0, $"cross-fitted gain {gain}");
        Assert.IsTrue(gain < EnsembleSelection.MinimumCrossFittedGain);
        Assert.IsTrue(everyRow.Score >= 0.75, "on its own rows the selection looks at least as good as A (0.75)");
    }

    [TestMethod]
    public void A_small_gain_on_a_few_rows_is_within_its_standard_error_and_a_gain_on_many_rows_is_not()
    {
        // B fixes 2 of every 40 rows that A gets wrong (a 5 % gain, on both halves alike). On 40 rows that is one row per
        // half, well inside the noise of drawing other rows; on 4,000 rows the same 5 % is many standard errors clear.
        static (IReadOnlyList<float[]> A, IReadOnlyList<float[]> B, int[] Truth) Rows(int count)
        {
            var truth = Enumerable.Range(0, count).Select(i => i % 4 < 2 ? 0 : 1).ToArray();
            var a = Enumerable.Range(0, count).Select(i => i % 40 is 0 or 1 ? P(truth[i] == 1 ? 0.45f : 0.55f) : P(truth[i] == 1 ? 0.7f : 0.3f)).ToList();
            var b = Enumerable.Range(0, count).Select(i => i % 40 is 0 or 1 ? P(truth[i] == 1 ? 0.95f : 0.05f) : P(truth[i] == 1 ? 0.6f : 0.4f)).ToList();
            return (a, b, truth);
        }

        var few = Rows(40);
        var many = Rows(4_000);
        var small = EnsembleSelection.CrossFittedGain([few.A, few.B], few.Truth, Classes, AutoMLMetric.Accuracy);
        var large = EnsembleSelection.CrossFittedGain([many.A, many.B], many.Truth, Classes, AutoMLMetric.Accuracy);

        Assert.AreEqual(0.05, small.Gain, 1e-9);
        Assert.AreEqual(0.05, large.Gain, 1e-9);
        Assert.IsTrue(small.Gain < EnsembleSelection.MinimumStandardErrors * small.StandardError, $"40 rows: standard error {small.StandardError}");
        Assert.IsTrue(large.Gain > EnsembleSelection.MinimumStandardErrors * large.StandardError, $"4,000 rows: standard error {large.StandardError}");
        Assert.AreEqual(small, EnsembleSelection.CrossFittedGain([few.A, few.B], few.Truth, Classes, AutoMLMetric.Accuracy), "the bootstrap is seeded");
    }
}
