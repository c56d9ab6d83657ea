using CrossModalML.Data;
using CrossModalML.Tests.TestSupport;

namespace CrossModalML.Tests.Data;

[TestClass]
public sealed class SharedDatasetIntegrationTests
{
    [TestMethod]
    public void Mvsa_single_loads_with_expected_roles_task_and_images()
    {
        var path = RepositoryPaths.SharedOrInconclusive("datasets", "mvsa-single", "posts.tsv");

        var data = PostDatasetLoader.Load(path, new PostLoadOptions { LabelColumn = "label" });

        Assert.AreEqual(2500, data.RowCount);
        Assert.AreEqual(0, data.Report.RowsSkipped);
        Assert.AreEqual(TaskKind.Multiclass, data.Task);
        Assert.AreEqual(3, data.ClassLabels.Count);
        var roles = data.Columns.ToDictionary(column => column.Name, column => column.Role);
        Assert.AreEqual(ColumnRole.Text, roles["text"]);
        Assert.AreEqual(ColumnRole.Image, roles["image"]);
        Assert.AreEqual(ColumnRole.Ignore, roles["text_label"]);
        Assert.AreEqual(ColumnRole.Ignore, roles["image_label"]);
        Assert.AreEqual(ColumnRole.Ignore, roles["cheema_fold1"]);
        Assert.AreEqual(ColumnRole.Id, roles["id"]);
        var images = data.GetColumnValues("image");
        Assert.IsTrue(images.All(image => Path.IsPathRooted(image) && File.Exists(image)), "every image must resolve to an existing file");
        Assert.IsFalse(data.Report.Warnings.Any(w => w.StartsWith("Image column", StringComparison.Ordinal)), "no image may be reported missing or undecodable");
    }
}
