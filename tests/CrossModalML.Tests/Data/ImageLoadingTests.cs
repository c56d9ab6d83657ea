using CrossModalML.Data;

namespace CrossModalML.Tests.Data;

[TestClass]
public sealed class ImageLoadingTests
{
    [TestMethod]
    public void Relative_image_path_is_resolved_against_the_data_files_directory()
    {
        using var dir = new TempDirectory();
        var image = dir.WritePng("data/images/1.png");
        var path = dir.Write("data/posts.tsv", "text\timage\tlabel\nhello\timages/1.png\ta\nbye\timages/1.png\tb\n");

        var data = PostDatasetLoader.Load(path, new PostLoadOptions { LabelColumn = "label" });

        Assert.AreEqual(image, data.GetColumnValues("image")[0]);
        Assert.AreEqual(0, data.Report.Warnings.Count);
    }

    [TestMethod]
    public void Missing_or_undecodable_image_warns_keeps_the_row_and_empties_the_path()
    {
        using var dir = new TempDirectory();
        var good = dir.WritePng("ok.png");
        dir.Write("fake.jpg", "this is not a jpeg");
        var path = dir.Write("posts.tsv",
            "text\timage\tlabel\na\tok.png\tx\nb\tgone.jpg\ty\nc\tfake.jpg\tx\nd\tgone.jpg\ty\ne\t\tx\n");

        var data = PostDatasetLoader.Load(path, new PostLoadOptions { LabelColumn = "label" });

        Assert.AreEqual(5, data.RowCount);
        CollectionAssert.AreEqual(new[] { good, "", "", "", "" }, data.GetColumnValues("image").ToArray());
        var notFound = data.Report.Warnings.Single(w => w.Contains("not found"));
        StringAssert.Contains(notFound, "2 images");
        StringAssert.Contains(notFound, "line 3");
        StringAssert.Contains(notFound, "line 5");
        Assert.IsTrue(data.Report.Warnings.Any(w => w.Contains("1 images are not a decodable image") && w.Contains("line 4")));
    }

    [TestMethod]
    public void Strict_images_turn_a_missing_image_into_an_error_naming_line_column_and_path()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("posts.tsv", "text\tphoto\tlabel\na\tgone.jpg\tx\nb\t\ty\n");

        var error = Assert.ThrowsExactly<PostDataException>(() =>
            PostDatasetLoader.Load(path, new PostLoadOptions { LabelColumn = "label", StrictImages = true }));

        StringAssert.Contains(error.Message, "posts.tsv");
        StringAssert.Contains(error.Message, "line 2");
        StringAssert.Contains(error.Message, "'photo'");
        StringAssert.Contains(error.Message, Path.Combine(dir.Path, "gone.jpg"));
    }

    [TestMethod]
    public void FromRows_with_a_missing_image_marks_the_modality_missing_without_throwing()
    {
        using var dir = new TempDirectory();
        var image = dir.WritePng("pics/a.png");
        var schema = new[] { new ColumnSchema("text", ColumnRole.Text), new ColumnSchema("image", ColumnRole.Image), new ColumnSchema("label", ColumnRole.Label) };
        var rows = new[]
        {
            new Dictionary<string, string?> { ["text"] = "with picture", ["image"] = "pics/a.png" },
            new Dictionary<string, string?> { ["text"] = "lost picture", ["image"] = "pics/none.png" },
        };

        var data = PostDataset.FromRows(schema, TaskKind.Binary, ["no", "yes"], rows, dir.Path);

        CollectionAssert.AreEqual(new[] { image, "" }, data.GetColumnValues("image").ToArray());
        Assert.IsNull(data.LabelColumn, "posts to score carry no label");
        Assert.AreEqual(TaskKind.Binary, data.Task);
        Assert.AreEqual(1, data.Report.Warnings.Count);
    }
}
