using CrossModalML.Data;
using CrossModalML.Evaluation;
using CrossModalML.Featurization;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace CrossModalML.Tests.Evaluation;

[TestClass]
public sealed class LabelledFeatureViewTests
{
    private static readonly FeatureMatrix Features = new(
        [new VBuffer<float>(2, [1f, 2f]), new VBuffer<float>(2, [3f, 4f]), new VBuffer<float>(2, 1, [5f], [1])], 2);

    [TestMethod]
    public void A_multiclass_view_has_a_keyed_label_with_class_names_and_the_given_rows_in_order()
    {
        var ml = new MLContext(1);
        var labels = new EncodedLabels(TaskKind.Multiclass, ["a", "b", "c"], [2, 0, 1], null, [0.5f, 1.5f, 2.5f]);
        int[] rows = [2, 2, 0];

        var view = LabelledFeatureView.Create(ml, labels, rows, "__features", Features.Select(rows));

        var label = view.Schema[ModelColumns.EncodedLabel];
        Assert.AreEqual(new KeyDataViewType(typeof(uint), 3), label.Type);
        var names = default(VBuffer<ReadOnlyMemory<char>>);
        label.GetKeyValues(ref names);
        CollectionAssert.AreEqual(new[] { "a", "b", "c" }, names.DenseValues().Select(n => n.ToString()).ToArray());
        CollectionAssert.AreEqual(new uint[] { 2, 2, 3 }, view.GetColumn<uint>(ModelColumns.EncodedLabel).ToArray(), "keys are 1-based class indices");
        CollectionAssert.AreEqual(new[] { 2.5f, 2.5f, 0.5f }, view.GetColumn<float>(ModelColumns.ClassWeight).ToArray());
        CollectionAssert.AreEqual(new[] { 0f, 5f, 0f, 5f, 1f, 2f }, view.GetColumn<VBuffer<float>>("__features").SelectMany(v => v.DenseValues()).ToArray());
        CollectionAssert.AreEqual(new[] { "__features", ModelColumns.EncodedLabel, ModelColumns.ClassWeight }, view.Schema.Select(c => c.Name).ToArray(), "no unused label column");
    }

    [TestMethod]
    public void A_binary_view_marks_the_second_class_positive_and_weighs_rows_one_without_weights()
    {
        var labels = new EncodedLabels(TaskKind.Binary, ["no", "yes"], [1, 0, 1], null, null);

        var view = LabelledFeatureView.Create(new MLContext(1), labels, [0, 1, 2], ModelColumns.Features, Features);

        Assert.AreEqual(BooleanDataViewType.Instance, view.Schema[ModelColumns.EncodedLabel].Type);
        CollectionAssert.AreEqual(new[] { true, false, true }, view.GetColumn<bool>(ModelColumns.EncodedLabel).ToArray());
        CollectionAssert.AreEqual(new[] { 1f, 1f, 1f }, view.GetColumn<float>(ModelColumns.ClassWeight).ToArray());
    }

    [TestMethod]
    public void A_regression_view_carries_the_values_and_a_second_vector_column_when_asked()
    {
        var labels = new EncodedLabels(TaskKind.Regression, [], [], [1.5f, -2f, 7f], null);
        var extra = FeatureMatrix.Dense([[9f], [8f]]);

        var view = LabelledFeatureView.Create(new MLContext(1), labels, [2, 1], ModelColumns.Features, Features.Select([2, 1]), ("__extra", extra));

        CollectionAssert.AreEqual(new[] { 7f, -2f }, view.GetColumn<float>(ModelColumns.EncodedLabel).ToArray());
        CollectionAssert.AreEqual(new[] { 9f, 8f }, view.GetColumn<VBuffer<float>>("__extra").SelectMany(v => v.DenseValues()).ToArray());
        Assert.AreEqual(new VectorDataViewType(NumberDataViewType.Single, 1), view.Schema["__extra"].Type);
    }

    [TestMethod]
    public void Features_that_do_not_line_up_with_the_rows_are_refused()
    {
        var labels = new EncodedLabels(TaskKind.Binary, ["no", "yes"], [1, 0, 1], null, null);

        var error = Assert.ThrowsExactly<ArgumentException>(() => LabelledFeatureView.Create(new MLContext(1), labels, [0, 1], ModelColumns.Features, Features));

        StringAssert.Contains(error.Message, "aligned with the 2 rows; got 3 feature rows");
    }
}
