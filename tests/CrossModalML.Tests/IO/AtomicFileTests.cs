using CrossModalML.Analysis.Reporting;
using CrossModalML.IO;
using CrossModalML.Tests.TestSupport;

namespace CrossModalML.Tests.IO;

[TestClass]
public sealed class AtomicFileTests
{
    [TestMethod]
    public void A_write_that_throws_leaves_the_old_file_byte_identical_and_no_temporary_file()
    {
        using var temp = new TempDirectory();
        var path = temp.File("report.json");
        File.WriteAllText(path, "old content");

        Assert.ThrowsExactly<InvalidOperationException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write("new content, half"u8);
            throw new InvalidOperationException("disk gone");
        }));

        Assert.AreEqual("old content", File.ReadAllText(path));
        CollectionAssert.AreEqual(new[] { path }, Directory.GetFiles(temp.Path), "the temporary file is deleted");
    }

    [TestMethod]
    public void A_completed_write_replaces_the_file_and_leaves_no_temporary_file()
    {
        using var temp = new TempDirectory();
        var path = temp.File(Path.Combine("new-folder", "out.txt"));

        AtomicFile.WriteAllText(path, "first");
        AtomicFile.WriteAllText(path, "second");

        Assert.AreEqual("second", File.ReadAllText(path));
        Assert.AreEqual(1, Directory.GetFiles(Path.GetDirectoryName(path)!).Length);
    }

    [TestMethod]
    public void A_staged_file_is_invisible_until_committed_and_gone_when_abandoned()
    {
        using var temp = new TempDirectory();
        var path = temp.File("predictions.tsv");
        File.WriteAllText(path, "old");

        using (var staged = StagedFile.Create(path))
        {
            staged.Stream.Write("new"u8);
            staged.Stream.Flush();
            Assert.AreEqual("old", File.ReadAllText(path), "the target is untouched while writing");
            Assert.IsTrue(File.Exists(staged.TemporaryPath));
            Assert.AreEqual(temp.Path, Path.GetDirectoryName(staged.TemporaryPath), "the temporary file is beside the target, so the rename stays on one volume");
        }

        Assert.AreEqual("old", File.ReadAllText(path));
        Assert.AreEqual(1, Directory.GetFiles(temp.Path).Length);
    }

    [TestMethod]
    public void Staging_a_file_over_a_folder_fails_before_writing()
    {
        using var temp = new TempDirectory();
        var folder = temp.File("out");
        Directory.CreateDirectory(folder);

        var error = Assert.ThrowsExactly<IOException>(() => StagedFile.Create(folder));

        StringAssert.Contains(error.Message, "is a folder");
        Assert.AreEqual(0, Directory.GetFiles(temp.Path).Length);
    }

    [TestMethod]
    public void A_report_that_fails_to_save_leaves_the_old_report_whole()
    {
        using var temp = new TempDirectory();
        var old = new MarkdownReport("Old").Paragraph("old text");
        var reportPath = old.Save(temp.Path);
        var oldBytes = File.ReadAllBytes(reportPath);

        var chart = Chart.Lines("Volume", "day", "posts", [new ChartSeries("posts", [new ChartPoint(0, 1), new ChartPoint(1, 3)])]);
        var failing = new MarkdownReport("New").Chart(chart, "volume.png", "volume").Image(temp.File("gone.png"), "example.png", "an example");

        Assert.ThrowsExactly<FileNotFoundException>(() => failing.Save(temp.Path));

        CollectionAssert.AreEqual(oldBytes, File.ReadAllBytes(reportPath));
        CollectionAssert.AreEqual(new[] { reportPath }, Directory.GetFiles(temp.Path), "no chart of the failed report and no temporary file is left");
    }

    [TestMethod]
    public void Real_paths_resolve_links_in_every_component()
    {
        using var temp = new TempDirectory();
        var data = Directory.CreateDirectory(temp.File("data")).FullName;
        var file = Path.Combine(data, "posts.tsv");
        File.WriteAllText(file, "id\n1\n");
        var folderLink = temp.File("alias");
        Directory.CreateSymbolicLink(folderLink, data);
        var fileLink = temp.File("posts-link.tsv");
        File.CreateSymbolicLink(fileLink, Path.Combine(folderLink, "posts.tsv"));

        Assert.AreEqual(RealPath.Resolve(file), RealPath.Resolve(Path.Combine(folderLink, "posts.tsv")));
        Assert.IsTrue(RealPath.AreSame(file, fileLink), "a link to a path through a linked folder is the same file");
        Assert.IsTrue(RealPath.AreSame(file, Path.Combine(data, "..", "data", ".", "posts.tsv")));
        Assert.IsFalse(RealPath.AreSame(file, Path.Combine(data, "other.tsv")));
        Assert.AreEqual(Path.Combine(RealPath.Resolve(data), "missing", "x.zip"), RealPath.Resolve(Path.Combine(folderLink, "missing", "x.zip")), "missing components are kept");
    }
}
