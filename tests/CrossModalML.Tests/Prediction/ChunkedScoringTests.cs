using CrossModalML.Cli;
using CrossModalML.Data;
using CrossModalML.Prediction;
using CrossModalML.Tests.TestSupport;

namespace CrossModalML.Tests.Prediction;

[TestClass]
[DoNotParallelize]
public sealed class ChunkedScoringTests
{
    private static readonly ColumnSchema[] Schema = [new("id", ColumnRole.Id), new("text", ColumnRole.Text), new("likes", ColumnRole.Numeric), new("mood", ColumnRole.Label)];

    [TestMethod]
    public void Chunks_of_a_quoted_csv_keep_multi_line_values_and_true_line_numbers()
    {
        using var temp = new TempDirectory();
        var path = temp.File("posts.csv");
        File.WriteAllText(path, "id,text,likes\n1,\"two\nlines\",3\n2,plain,4\n3,\"say \"\"hi\"\"\",\n4,last,5\n");

        var chunks = PostDatasetLoader.LoadForScoringInChunks(path, Schema, TaskKind.Binary, ["a", "b"], chunkRows: 1, options: null).ToList();

        Assert.HasCount(4, chunks);
        Assert.AreEqual("two\nlines", chunks[0].GetColumnValues("text")[0]);
        Assert.AreEqual("say \"hi\"", chunks[2].GetColumnValues("text")[0]);
        CollectionAssert.AreEqual(new[] { 2, 4, 5, 6 }, chunks.Select(c => c.LineNumbers[0]).ToArray());
        CollectionAssert.AreEqual(new[] { "1", "2", "3", "4" }, chunks.Select(c => c.GetColumnValues("id")[0]).ToArray());
    }

    [TestMethod]
    public void A_json_lines_chunk_without_a_key_seen_earlier_reads_it_as_missing()
    {
        using var temp = new TempDirectory();
        var path = temp.File("posts.jsonl");
        File.WriteAllText(path, "{\"text\": \"a\", \"likes\": 1}\n\n{\"text\": \"b\"}\n");

        var chunks = PostDatasetLoader.LoadForScoringInChunks(path, Schema, TaskKind.Binary, ["a", "b"], chunkRows: 1, options: null).ToList();

        Assert.HasCount(2, chunks);
        Assert.AreEqual(string.Empty, chunks[1].GetColumnValues("likes")[0]);
    }

    [TestMethod]
    public void A_file_with_only_a_header_fails_clearly()
    {
        using var temp = new TempDirectory();
        var path = temp.File("posts.tsv");
        File.WriteAllText(path, "id\ttext\tlikes\n");

        var error = Assert.ThrowsExactly<PostDataException>(() => PostDatasetLoader.LoadForScoringInChunks(path, Schema, TaskKind.Binary, ["a", "b"], 10, null).ToList());
        StringAssert.Contains(error.Message, "no rows");
    }

    [TestMethod]
    public void Predict_command_in_small_parallel_chunks_writes_the_same_rows_as_one_batch()
    {
        using var temp = new TempDirectory();
        var demoDirectory = Path.GetDirectoryName(RepositoryPaths.DemoPosts)!;
        var lines = File.ReadLines(RepositoryPaths.DemoPosts).Take(301).ToList();
        var input = temp.File("posts.tsv");
        File.WriteAllLines(input, lines);
        File.CreateSymbolicLink(temp.File("images"), Path.Combine(demoDirectory, "images"));
        var output = temp.File("predictions.tsv");

        var code = CliApp.Run(["predict", "--model", DemoModel.ModelPath, "--input", input, "--output", output, "--chunk-size", "37", "--parallel", "2"]);

        Assert.AreEqual(0, code);
        using var predictor = CrossModalPredictor.Load(DemoModel.ModelPath);
        var expected = predictor.Predict(predictor.LoadInput(input));
        var written = File.ReadAllLines(output);
        Assert.HasCount(301, written);
        var inputIds = lines.Skip(1).Select(l => l.Split('\t')[0]).ToList();
        for (int i = 0; i < expected.Count; i++)
        {
            var fields = written[i + 1].Split('\t');
            Assert.AreEqual(inputIds[i], fields[0], $"row {i}");
            Assert.AreEqual(expected[i].PredictedLabel, fields[1], $"row {i}");
        }
    }
}
