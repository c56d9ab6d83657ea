using CrossModalML.Data;
using Microsoft.ML.Data;

namespace CrossModalML.Tests.Data;

[TestClass]
public sealed class PostDatasetTests
{
    private const string Posts =
        "id\ttext\tlikes\tlang\tlabel\tfold\n" +
        "10\tgood morning everyone out there\t3\ten\tpos\ttrain\n" +
        "11\tawful service at the station\t\ten\tneg\ttrain\n" +
        "12\tlovely weather for a walk today\t7.5\tde\tpos\ttest\n" +
        "13\tnot happy with this at all\t0\tde\tneg\ttest\n";

    [TestMethod]
    public void DataView_column_types_follow_the_role_conventions()
    {
        using var dir = new TempDirectory();
        var data = PostDatasetLoader.Load(dir.Write("posts.tsv", Posts), new PostLoadOptions { LabelColumn = "label" });
        var view = data.DataView;

        Assert.IsFalse(view.CanShuffle);
        Assert.AreEqual(4L, view.GetRowCount());
        CollectionAssert.AreEqual(new[] { "id", "text", "likes", "lang", "label" }, view.Schema.Select(c => c.Name).ToArray());
        Assert.AreEqual(NumberDataViewType.Single, view.Schema["likes"].Type);
        Assert.AreEqual(TextDataViewType.Instance, view.Schema["label"].Type);
        Assert.AreEqual(TextDataViewType.Instance, view.Schema["id"].Type);

        var likes = new List<float>();
        var texts = new List<string>();
        using (var cursor = view.GetRowCursor([view.Schema["likes"], view.Schema["text"]]))
        {
            var likesGetter = cursor.GetGetter<float>(view.Schema["likes"]);
            var textGetter = cursor.GetGetter<ReadOnlyMemory<char>>(view.Schema["text"]);
            Assert.IsFalse(cursor.IsColumnActive(view.Schema["label"]));
            Assert.ThrowsExactly<InvalidOperationException>(() => cursor.GetGetter<float>(view.Schema["label"]));
            while (cursor.MoveNext())
            {
                float value = 0;
                likesGetter(ref value);
                likes.Add(value);
                ReadOnlyMemory<char> text = default;
                textGetter(ref text);
                texts.Add(text.ToString());
            }
        }

        Assert.AreEqual(3f, likes[0]);
        Assert.IsTrue(float.IsNaN(likes[1]), "an empty numeric cell is NaN");
        Assert.AreEqual(7.5f, likes[2]);
        Assert.AreEqual("awful service at the station", texts[1]);
    }

    [TestMethod]
    public void Regression_label_is_a_float_column()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("posts.csv", "text,score\na b,1.5\nc d,2\ne f,-3\n");

        var data = PostDatasetLoader.Load(path, new PostLoadOptions { LabelColumn = "score", Task = TaskKind.Regression });

        Assert.AreEqual(NumberDataViewType.Single, data.DataView.Schema["score"].Type);
        var values = data.DataView.GetColumn<float>("score").ToArray();
        CollectionAssert.AreEqual(new[] { 1.5f, 2f, -3f }, values);
    }

    [TestMethod]
    public void Select_keeps_schema_task_classes_and_the_chosen_values()
    {
        using var dir = new TempDirectory();
        var data = PostDatasetLoader.Load(dir.Write("posts.tsv", Posts), new PostLoadOptions { LabelColumn = "label" });

        var subset = data.Select([3, 0]);

        CollectionAssert.AreEqual(data.Columns.ToArray(), subset.Columns.ToArray());
        Assert.AreEqual(data.Task, subset.Task);
        CollectionAssert.AreEqual(data.ClassLabels.ToArray(), subset.ClassLabels.ToArray());
        Assert.AreEqual(2, subset.RowCount);
        CollectionAssert.AreEqual(new[] { "13", "10" }, subset.GetColumnValues("id").ToArray());
        CollectionAssert.AreEqual(new[] { "neg", "pos" }, subset.GetLabels().ToArray());
        CollectionAssert.AreEqual(new[] { 0f, 3f }, subset.DataView.GetColumn<float>("likes").ToArray());
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => data.Select([4]));
    }

    [TestMethod]
    public void Fingerprint_is_stable_across_locations_and_changes_with_a_value()
    {
        using var dir = new TempDirectory();
        var first = PostDatasetLoader.Load(dir.Write("a/posts.tsv", Posts), new PostLoadOptions { LabelColumn = "label" });
        var copy = PostDatasetLoader.Load(dir.Write("b/copy.tsv", Posts), new PostLoadOptions { LabelColumn = "label" });
        var changed = PostDatasetLoader.Load(dir.Write("c/posts.tsv", Posts.Replace("7.5", "7.6")), new PostLoadOptions { LabelColumn = "label" });

        Assert.AreEqual(64, first.Fingerprint.Length);
        Assert.AreEqual(first.Fingerprint, copy.Fingerprint);
        Assert.AreNotEqual(first.Fingerprint, changed.Fingerprint);
        Assert.AreNotEqual(first.Fingerprint, first.Select([0, 1, 2]).Fingerprint);
    }

    [TestMethod]
    public void LoadForScoring_errors_on_a_missing_model_column()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("new.tsv", "id\ttext\nA\thello there\n");
        var schema = new[] { new ColumnSchema("id", ColumnRole.Id), new ColumnSchema("text", ColumnRole.Text), new ColumnSchema("likes", ColumnRole.Numeric), new ColumnSchema("label", ColumnRole.Label) };

        var error = Assert.ThrowsExactly<PostDataException>(() =>
            PostDatasetLoader.LoadForScoring(path, schema, TaskKind.Binary, ["neg", "pos"], requireLabel: false, options: null));

        StringAssert.Contains(error.Message, "new.tsv");
        StringAssert.Contains(error.Message, "'likes'");
    }

    [TestMethod]
    public void LoadForScoring_keeps_schema_columns_and_the_id_and_needs_the_label_only_to_evaluate()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("new.tsv", "extra\ttext\tlikes\tid\na\tnice day\t2\tp1\nb\tbad day\t\tp2\n");
        var schema = new[] { new ColumnSchema("text", ColumnRole.Text), new ColumnSchema("likes", ColumnRole.Numeric), new ColumnSchema("label", ColumnRole.Label) };

        var scoring = PostDatasetLoader.LoadForScoring(path, schema, TaskKind.Binary, ["neg", "pos"], requireLabel: false, options: null);

        CollectionAssert.AreEqual(new[] { "text", "likes", "id" }, scoring.Columns.Select(c => c.Name).ToArray());
        Assert.AreEqual(ColumnRole.Id, scoring.Columns[2].Role);
        CollectionAssert.AreEqual(new[] { "neg", "pos" }, scoring.ClassLabels.ToArray());
        Assert.ThrowsExactly<PostDataException>(() =>
            PostDatasetLoader.LoadForScoring(path, schema, TaskKind.Binary, ["neg", "pos"], requireLabel: true, options: null));
    }

    [TestMethod]
    public void FromRows_types_values_the_same_way_as_file_loading()
    {
        using var dir = new TempDirectory();
        var fromFile = PostDatasetLoader.Load(dir.Write("posts.tsv", Posts), new PostLoadOptions { LabelColumn = "label" });
        var schema = fromFile.Columns;
        var rows = new[] { new Dictionary<string, string?> { ["id"] = "99", ["text"] = "hi", ["likes"] = " 4 ", ["lang"] = null } };

        var single = PostDataset.FromRows(schema, fromFile.Task, fromFile.ClassLabels, rows, imageBaseDirectory: null);

        Assert.AreEqual(1, single.RowCount);
        Assert.AreEqual(4f, single.DataView.GetColumn<float>("likes").Single());
        Assert.AreEqual("", single.GetColumnValues("lang")[0]);
        Assert.IsFalse(single.DataView.Schema.GetColumnOrNull("label").HasValue);
    }
}
