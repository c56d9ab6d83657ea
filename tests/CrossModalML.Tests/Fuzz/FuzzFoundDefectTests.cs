using System.IO.Compression;
using CrossModalML.Data;
using CrossModalML.Packaging;
using CrossModalML.Prediction;
using CrossModalML.Tests.TestSupport;

namespace CrossModalML.Tests.Fuzz;

/// <summary>The defects the fuzz tests found, each pinned by the smallest input that showed it.</summary>
[TestClass]
public sealed class FuzzFoundDefectTests
{
    [TestMethod]
    public void A_quote_left_open_on_the_header_line_is_a_data_error_when_reading_in_chunks()
    {
        using var temp = new TempDirectory();
        var path = temp.File("posts.csv");
        File.WriteAllText(path, "id,\"text\nabc,def\n");
        var schema = new[] { new ColumnSchema("id", ColumnRole.Id), new ColumnSchema("text", ColumnRole.Text) };

        var error = Assert.ThrowsExactly<PostDataException>(
            () => PostDatasetLoader.LoadForScoringInChunks(path, schema, TaskKind.Binary, ["a", "b"], chunkRows: 2, options: null).ToList());
        StringAssert.Contains(error.Message, path);
        StringAssert.Contains(error.Message, "never closed");
    }

    [TestMethod]
    public void A_zip_whose_directory_miscounts_its_entries_is_a_model_error()
    {
        using var temp = new TempDirectory();
        var path = temp.File("model.zip");
        var bytes = File.ReadAllBytes(DemoModel.ModelPath);

        // The end-of-central-directory record counts the entries twice (bytes 8-9 and 10-11); claim one more in both.
        var end = LastIndexOf(bytes, [0x50, 0x4B, 0x05, 0x06]);
        foreach (var offset in new[] { 8, 10 })
        {
            var count = BitConverter.ToUInt16(bytes, end + offset);
            BitConverter.GetBytes((ushort)(count + 1)).CopyTo(bytes, end + offset);
        }

        File.WriteAllBytes(path, bytes);

        var error = Assert.ThrowsExactly<ModelPackageException>(() => ModelPackage.ReadManifest(path));
        StringAssert.Contains(error.Message, path);
        StringAssert.Contains(error.Message, "damaged");
    }

    [TestMethod]
    public void A_model_naming_an_invalid_loader_assembly_is_a_model_error_naming_the_file()
    {
        using var temp = new TempDirectory();
        var path = temp.File("model.zip");
        File.Copy(DemoModel.ModelPath, path);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
        {
            // The chain's entry names the assembly of its loader in UTF-16; one damaged character makes the name
            // unparsable, and ML.NET fails with a FileLoadException wrapped in reflection errors.
            var entry = zip.GetEntry("TransformerChain/Model.key")!;
            byte[] content;
            using (var stream = entry.Open())
            using (var memory = new MemoryStream())
            {
                stream.CopyTo(memory);
                content = memory.ToArray();
            }

            var at = LastIndexOf(content, System.Text.Encoding.Unicode.GetBytes("Version="));
            System.Text.Encoding.Unicode.GetBytes("Version,").CopyTo(content, at);
            entry.Delete();
            using var rewritten = zip.CreateEntry("TransformerChain/Model.key").Open();
            rewritten.Write(content);
        }

        var error = Assert.ThrowsExactly<ModelPackageException>(() => CrossModalPredictor.Load(path));
        StringAssert.Contains(error.Message, path);
        StringAssert.Contains(error.Message, "could not be loaded");
    }

    private static int LastIndexOf(byte[] bytes, byte[] pattern)
    {
        for (var i = bytes.Length - pattern.Length; i >= 0; i--)
        {
            if (bytes.AsSpan(i, pattern.Length).SequenceEqual(pattern))
            {
                return i;
            }
        }

        throw new InvalidOperationException("pattern not found");
    }
}
