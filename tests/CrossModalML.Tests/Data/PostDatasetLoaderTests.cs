using CrossModalML.Data;

namespace CrossModalML.Tests.Data;

[TestClass]
public sealed class PostDatasetLoaderTests
{
    private const string MixedTable =
        "post_id\tusername\tcreated_at\tphoto\tlikes\tlang\tbody\tcode\tsentiment\ttext_label\n" +
        "1\tann\t2015-03-19T08:11:05Z\ta.jpg\t3\ten\tWhat a lovely sunny morning here\tx91\tpos\tpos\n" +
        "2\tbob\t2015-03-19T09:00:00Z\tb.jpg\t0\ten\tTraffic is terrible again today\tq17\tneg\tneg\n" +
        "3\tann\t2015-03-20T10:30:00Z\tc.jpg\t12\tde\tGuten Morgen und einen schoenen Tag\tz02\tpos\tneu\n" +
        "4\tcid\t2015-03-21T11:00:00Z\td.jpg\t\ten\tNothing much going on at all\tk55\tneu\tneu\n" +
        "5\tbob\t2015-03-22T12:00:00Z\te.jpg\t7\tde\tIch mag keinen Regen heute nicht\tm80\tneg\tneg\n" +
        "6\tdan\t2015-03-23T13:00:00Z\tf.jpg\t1\ten\tJust another day at the office\tp33\tneu\tpos\n";

    [TestMethod]
    public void Roles_are_inferred_from_names_and_values_on_a_mixed_table()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("mixed.tsv", MixedTable);

        var data = PostDatasetLoader.Load(path, new PostLoadOptions { LabelColumn = "sentiment" });

        var roles = data.Columns.ToDictionary(column => column.Name, column => column.Role);
        Assert.AreEqual(ColumnRole.Id, roles["post_id"]);
        Assert.AreEqual(ColumnRole.User, roles["username"]);
        Assert.AreEqual(ColumnRole.Timestamp, roles["created_at"]);
        Assert.AreEqual(ColumnRole.Image, roles["photo"]);
        Assert.AreEqual(ColumnRole.Numeric, roles["likes"]);
        Assert.AreEqual(ColumnRole.Categorical, roles["lang"]);
        Assert.AreEqual(ColumnRole.Text, roles["body"]);
        Assert.AreEqual(ColumnRole.Ignore, roles["code"], "distinct short codes look like identifiers");
        Assert.AreEqual(ColumnRole.Label, roles["sentiment"]);
        Assert.AreEqual(TaskKind.Multiclass, data.Task);
        CollectionAssert.AreEqual(new[] { "neg", "neu", "pos" }, data.ClassLabels.ToArray());
    }

    [TestMethod]
    public void Leak_guard_ignores_another_label_column_with_a_warning()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("mixed.tsv", MixedTable);

        var data = PostDatasetLoader.Load(path, new PostLoadOptions { LabelColumn = "sentiment" });

        var decision = data.Report.RoleDecisions.Single(d => d.Column == "text_label");
        Assert.AreEqual(ColumnRole.Ignore, decision.Role);
        Assert.IsTrue(data.Report.Warnings.Any(w => w.Contains("'text_label'") && w.Contains("another label or a split column")));
        Assert.IsFalse(data.DataView.Schema.GetColumnOrNull("text_label").HasValue, "ignored columns stay out of the data view");
    }

    [TestMethod]
    public void Override_wins_and_is_recorded()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("mixed.tsv", MixedTable);

        var data = PostDatasetLoader.Load(path, new PostLoadOptions
        {
            LabelColumn = "sentiment",
            RoleOverrides = new Dictionary<string, ColumnRole> { ["text_label"] = ColumnRole.Categorical },
        });

        var decision = data.Report.RoleDecisions.Single(d => d.Column == "text_label");
        Assert.AreEqual(ColumnRole.Categorical, decision.Role);
        Assert.AreEqual(RoleSource.Override, decision.Source);
    }

    [TestMethod]
    public void Override_of_unknown_column_lists_the_valid_columns()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("mixed.tsv", MixedTable);
        var options = new PostLoadOptions
        {
            LabelColumn = "sentiment",
            RoleOverrides = new Dictionary<string, ColumnRole> { ["tweet"] = ColumnRole.Text },
        };

        var error = Assert.ThrowsExactly<ArgumentException>(() => PostDatasetLoader.Load(path, options));

        StringAssert.Contains(error.Message, "'tweet'");
        StringAssert.Contains(error.Message, "'body'");
        StringAssert.Contains(error.Message, "'post_id'");
    }

    [TestMethod]
    public void Override_to_label_is_only_allowed_for_the_label_column()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("mixed.tsv", MixedTable);
        var options = new PostLoadOptions
        {
            LabelColumn = "sentiment",
            RoleOverrides = new Dictionary<string, ColumnRole> { ["lang"] = ColumnRole.Label },
        };

        var error = Assert.ThrowsExactly<ArgumentException>(() => PostDatasetLoader.Load(path, options));

        StringAssert.Contains(error.Message, "'lang'");
    }

    [TestMethod]
    public void Missing_label_column_names_file_and_columns()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("posts.csv", "id,text,Label\n1,a,x\n2,b,y\n");

        var error = Assert.ThrowsExactly<PostDataException>(() => PostDatasetLoader.Load(path, new PostLoadOptions { LabelColumn = "label" }));

        StringAssert.Contains(error.Message, "posts.csv");
        StringAssert.Contains(error.Message, "'text'");
        StringAssert.Contains(error.Message, "Did you mean 'Label'");
    }

    [TestMethod]
    public void Single_class_label_is_an_error_naming_column_and_value()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("posts.csv", "id,text,label\n1,a,spam\n2,b,spam\n3,c,\n");

        var error = Assert.ThrowsExactly<PostDataException>(() => PostDatasetLoader.Load(path, new PostLoadOptions { LabelColumn = "label" }));

        StringAssert.Contains(error.Message, "'label'");
        StringAssert.Contains(error.Message, "'spam'");
    }

    [TestMethod]
    public void Rows_with_empty_label_are_skipped_and_counted()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("posts.csv", "id,text,label\n1,a,yes\n2,b,\n3,c,no\n4,d,  \n5,e,yes\n");

        var data = PostDatasetLoader.Load(path, new PostLoadOptions { LabelColumn = "label" });

        Assert.AreEqual(3, data.RowCount);
        Assert.AreEqual(5, data.Report.RowsRead);
        Assert.AreEqual(2, data.Report.RowsSkipped);
        var reason = data.Report.SkipReasons.Single();
        Assert.AreEqual(2, reason.Count);
        CollectionAssert.AreEqual(new[] { 3, 5 }, reason.ExampleLines.ToArray());
        Assert.AreEqual(TaskKind.Binary, data.Task);
        CollectionAssert.AreEqual(new[] { "1", "3", "5" }, data.GetColumnValues("id").ToArray());
    }

    [TestMethod]
    public void Regression_label_that_is_not_a_number_names_line_and_value()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("posts.csv", "id,text,retweets\n1,a,3\n2,b,12.5\n3,c,many\n");

        var error = Assert.ThrowsExactly<PostDataException>(() =>
            PostDatasetLoader.Load(path, new PostLoadOptions { LabelColumn = "retweets", Task = TaskKind.Regression }));

        StringAssert.Contains(error.Message, "posts.csv");
        StringAssert.Contains(error.Message, "line 4");
        StringAssert.Contains(error.Message, "'retweets'");
        StringAssert.Contains(error.Message, "'many'");
    }

    [TestMethod]
    public void Numeric_labels_with_many_values_are_regression_and_few_integers_are_classes()
    {
        using var dir = new TempDirectory();
        var many = dir.Write("many.csv", "text,score\n" + string.Concat(Enumerable.Range(0, 12).Select(i => $"t{i},{i * 1.5}\n")));
        var few = dir.Write("few.csv", "text,stars\na,1\nb,2\nc,3\nd,2\n");

        var regression = PostDatasetLoader.Load(many, new PostLoadOptions { LabelColumn = "score" });
        var classes = PostDatasetLoader.Load(few, new PostLoadOptions { LabelColumn = "stars" });

        Assert.AreEqual(TaskKind.Regression, regression.Task);
        Assert.AreEqual(0, regression.ClassLabels.Count);
        Assert.AreEqual(TaskKind.Multiclass, classes.Task);
        CollectionAssert.AreEqual(new[] { "1", "2", "3" }, classes.ClassLabels.ToArray());
    }

    [TestMethod]
    public void Explicit_binary_with_three_classes_is_an_error()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("posts.csv", "text,label\na,x\nb,y\nc,z\n");

        var error = Assert.ThrowsExactly<PostDataException>(() =>
            PostDatasetLoader.Load(path, new PostLoadOptions { LabelColumn = "label", Task = TaskKind.Binary }));

        StringAssert.Contains(error.Message, "3 classes");
    }

    [TestMethod]
    public void Reserved_column_name_is_an_error_suggesting_a_rename()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("posts.csv", "text,Score,label\nhello there,1,a\nbye now,2,b\n");

        var error = Assert.ThrowsExactly<PostDataException>(() => PostDatasetLoader.Load(path, new PostLoadOptions { LabelColumn = "label" }));

        StringAssert.Contains(error.Message, "'Score'");
        StringAssert.Contains(error.Message, "Rename");
    }
}
