using CrossModalML.Data;
using CrossModalML.Evaluation;
using CrossModalML.Featurization;
using CrossModalML.Packaging;
using CrossModalML.Training;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace CrossModalML.Tests.Training;

[TestClass]
public sealed class OutOfFoldScorerTests
{
    [TestMethod]
    public void Every_held_out_row_gets_the_output_of_the_fold_that_held_it_out_and_the_others_stay_empty()
    {
        // Rows 0-5 in three folds; rows 6 and 7 are never held out (the training part of a hold-out, say).
        var splits = new[]
        {
            new DataSplit([2, 3, 4, 5, 6, 7], [0, 1]),
            new DataSplit([0, 1, 4, 5, 6, 7], [2, 3]),
            new DataSplit([0, 1, 2, 3, 6, 7], [4, 5]),
        };
        var scorer = new OutOfFoldScorer(splits, rowCount: 8);

        var outputs = scorer.Score((fold, split) => split.Test.Select(row => $"fold {fold}, trained on {string.Join(' ', split.Train)}").ToList(), CancellationToken.None);

        CollectionAssert.AreEqual(
            new[]
            {
                "fold 0, trained on 2 3 4 5 6 7", "fold 0, trained on 2 3 4 5 6 7",
                "fold 1, trained on 0 1 4 5 6 7", "fold 1, trained on 0 1 4 5 6 7",
                "fold 2, trained on 0 1 2 3 6 7", "fold 2, trained on 0 1 2 3 6 7",
                null, null,
            },
            outputs);
    }

    [TestMethod]
    public void A_fold_that_returns_the_wrong_number_of_outputs_is_an_error()
    {
        var scorer = new OutOfFoldScorer([new DataSplit([1], [0, 2])], rowCount: 3);

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => scorer.Score((_, _) => new[] { 1f }, CancellationToken.None));

        StringAssert.Contains(error.Message, "1 outputs for 2 held-out rows");
    }

    [TestMethod]
    public void Cancellation_stops_before_the_next_fold()
    {
        using var cancellation = new CancellationTokenSource();
        var scorer = new OutOfFoldScorer([new DataSplit([1], [0]), new DataSplit([0], [1])], rowCount: 2);
        int folds = 0;

        Assert.ThrowsExactly<OperationCanceledException>(() => scorer.Score((_, split) =>
        {
            folds++;
            cancellation.Cancel();
            return split.Test.Select(_ => 0).ToList();
        }, cancellation.Token));

        Assert.AreEqual(1, folds);
    }

    [TestMethod]
    public void Fitted_folds_predict_each_held_out_row_with_a_model_that_did_not_see_it()
    {
        // The one feature gives the label, except that rows 0 and 1 are mislabelled. A model that never saw them predicts
        // what their feature says, the opposite of their labels.
        var ml = new MLContext(1);
        int n = 40;
        var classIndices = Enumerable.Range(0, n).Select(i => i % 2).ToArray();
        var features = new FeatureMatrix(Enumerable.Range(0, n).Select(i => new VBuffer<float>(1, [classIndices[i] == 1 ? 1f : -1f])).ToArray(), 1);
        classIndices[0] = 1;
        classIndices[1] = 0;
        var labels = new EncodedLabels(TaskKind.Binary, ["no", "yes"], classIndices, null, null);
        var splits = DataSplitter.KFold(classIndices.Select(c => c.ToString()).ToList(), 4, seed: 1);
        var trainer = new TrainerSpec(TrainerNames.LbfgsLogisticRegression);

        var probabilities = new OutOfFoldScorer(splits, n).Score(
            (_, train) => TrainerFactory.Create(ml, TaskKind.Binary, trainer, ModelColumns.EncodedLabel, ModelColumns.Features)
                .Fit(LabelledFeatureView.Create(ml, labels, train, ModelColumns.Features, features.Select(train))),
            test => LabelledFeatureView.Create(ml, labels, test, ModelColumns.Features, features.Select(test)),
            (scored, _) => ScoredOutput.ReadProbabilities(scored, TaskKind.Binary, 2),
            CancellationToken.None);

        Assert.IsTrue(probabilities.All(p => p is not null), "k-fold holds every row out once");
        Assert.IsLessThan(0.5f, probabilities[0]![1], "row 0 is labelled yes but its feature says no");
        Assert.IsGreaterThan(0.5f, probabilities[1]![1], "row 1 is labelled no but its feature says yes");
        Assert.IsGreaterThan(0.5f, probabilities[3]![1]);
    }
}
