using CrossModalML.Featurization;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace CrossModalML.Tests.Featurization;

[TestClass]
public sealed class FeatureMatrixTests
{
    private sealed class TwoVectors
    {
        [VectorType(2)]
        public float[] A { get; set; } = [];

        [VectorType(3)]
        public float[] B { get; set; } = [];
    }

    [TestMethod]
    public void Reading_several_columns_keeps_a_copy_of_every_row_of_each()
    {
        var ml = new MLContext(1);
        var view = ml.Data.LoadFromEnumerable(new[]
        {
            new TwoVectors { A = [1, 2], B = [3, 4, 5] },
            new TwoVectors { A = [6, 7], B = [8, 9, 10] },
        });

        var matrices = FeatureMatrix.Read(view, ["A", "B"], rowCount: 2);

        Assert.AreEqual(2, matrices["A"].Length);
        Assert.AreEqual(3, matrices["B"].Length);
        CollectionAssert.AreEqual(new[] { 1f, 2f }, matrices["A"].Rows[0].DenseValues().ToArray(), "the cursor's reused buffer did not overwrite the first row");
        CollectionAssert.AreEqual(new[] { 8f, 9f, 10f }, matrices["B"].Rows[1].DenseValues().ToArray());
    }

    [TestMethod]
    public void Selecting_rows_keeps_their_order_and_repeats()
    {
        var matrix = FeatureMatrix.Dense([[1f], [2f], [3f]]);

        var selected = matrix.Select([2, 0, 2]);

        Assert.AreEqual(3, selected.Rows.Length);
        CollectionAssert.AreEqual(new[] { 3f, 1f, 3f }, selected.Rows.Select(r => r.GetValues()[0]).ToArray());
    }

    [TestMethod]
    public void Selecting_slots_keeps_the_ranges_in_order_and_sparse_rows_sparse()
    {
        var dense = new VBuffer<float>(6, [1f, 2f, 3f, 4f, 5f, 6f]);
        var sparse = new VBuffer<float>(6, 3, [7f, 8f, 9f], [0, 3, 5]);
        var matrix = new FeatureMatrix([dense, sparse], 6);

        var selected = matrix.SelectSlots([(0, 2), (4, 2)]);

        Assert.AreEqual(4, selected.Length);
        CollectionAssert.AreEqual(new[] { 1f, 2f, 5f, 6f }, selected.Rows[0].DenseValues().ToArray());
        CollectionAssert.AreEqual(new[] { 7f, 0f, 0f, 9f }, selected.Rows[1].DenseValues().ToArray(), "slot 3 (value 8) is left out");
        Assert.IsFalse(selected.Rows[1].IsDense);
        Assert.AreEqual(2, selected.Rows[1].GetValues().Length);
    }
}
