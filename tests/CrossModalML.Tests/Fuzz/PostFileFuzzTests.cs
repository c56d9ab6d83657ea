using System.Text;
using CrossModalML.Data;
using CrossModalML.Tests.TestSupport;
using FsCheck;
using FsCheck.Fluent;

namespace CrossModalML.Tests.Fuzz;

/// <summary>Feeds the post file readers random and mutated TSV, CSV and JSON Lines bytes: every case must load or end
/// in a <see cref="PostDataException"/> with a message, never another exception or a hang.</summary>
/// <remarks>Case counts (fixed seeds, so every run sees the same cases): <see cref="MutatedCases"/> mutated files and
/// <see cref="RandomCases"/> files of random bytes, each read four ways (training load with and without a label,
/// scoring load, chunked scoring load). About 10 s on two cores.</remarks>
[TestClass]
public sealed class PostFileFuzzTests
{
    public const int MutatedCases = 400;
    public const int RandomCases = 100;

    private static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(20);

    private static readonly (string Extension, string Text)[] ValidFiles =
    [
        (".tsv",
            "id\ttext\timage\tlikes\ttimestamp\tsentiment\n" +
            "p1\tLoving the sunshine today #happy @ann\timages/a.png\t12\t2026-01-01T01:45:00Z\tpositive\n" +
            "p2\tWorst commute ever, train late again\timages/b.png\t3\t2026-01-01T02:00:00Z\tnegative\n" +
            "p3\tGreat match, what a goal!\t\t40\t2026-01-02T10:00:00Z\tpositive\n" +
            "p4\tRain all day, so bored\timages/c.png\tNaN\t2026-01-03T11:00:00Z\tnegative\n" +
            "p5\tNew album out, love it\timages/d.png\t7\t2026-01-03T12:00:00Z\tpositive\n"),
        (".csv",
            "id,text,likes,sentiment\r\n" +
            "p1,\"Hello, \"\"world\"\"\nsecond line\",12,positive\r\n" +
            "p2,plain text here,3,negative\r\n" +
            "p3,\"quoted, with comma\",,positive\r\n" +
            "p4,\"tab\there\",5,negative\r\n"),
        (".jsonl",
            "{\"id\": \"p1\", \"text\": \"Loving it \\u00e9 \\\"quoted\\\"\", \"likes\": 12, \"sentiment\": \"positive\"}\n" +
            "{\"id\": \"p2\", \"text\": \"Worst day\", \"likes\": null, \"sentiment\": \"negative\"}\n" +
            "{\"id\": \"p3\", \"text\": \"So-so\", \"likes\": 1.5e1, \"extra\": true, \"sentiment\": \"positive\"}\n" +
            "{\"id\": \"p4\", \"text\": \"Meh\", \"sentiment\": \"negative\"}\n"),
    ];

    private static readonly ColumnSchema[] ScoringSchema =
    [
        new("id", ColumnRole.Id),
        new("text", ColumnRole.Text),
        new("likes", ColumnRole.Numeric),
        new("sentiment", ColumnRole.Label),
    ];

    private static readonly Gen<ByteMutation> Mutation =
        from kind in Gen.Elements(Enum.GetValues<ByteMutationKind>())
        from position in Gen.Choose(0, 10_000)
        from position2 in Gen.Choose(0, 10_000)
        from value in Gen.Choose(0, 255)
        select new ByteMutation(kind, position / 10_000.0, position2 / 10_000.0, (byte)value);

    [TestMethod]
    public void Mutated_post_files_load_or_fail_with_a_PostDataException()
    {
        var cases =
            from file in Gen.Choose(0, ValidFiles.Length - 1)
            from count in Gen.Choose(1, 6)
            from mutations in Gen.ListOf(Mutation, count)
            select (File: file, Mutations: mutations.ToArray());
        using var temp = new TempDirectory();
        var outcomes = new ReadOutcomes();
        var summary = FuzzCheck.Run(
            cases,
            MutatedCases,
            seed: 20261207,
            CaseTimeout,
            c => $"{ValidFiles[c.File].Extension} with {string.Join(", ", c.Mutations.Select(m => m.ToString()))}: {ByteMutation.Show(Mutate(c))}",
            c => ReadEveryWay(temp, ValidFiles[c.File].Extension, Mutate(c), outcomes),
            typeof(PostDataException));

        Console.WriteLine($"{summary} {outcomes}");

        // A fuzzer whose every case fails at the first byte, or never fails, is not exploring the readers.
        Assert.AreEqual(MutatedCases, summary.Accepted, summary.ToString());
        Assert.IsTrue(outcomes.Results > MutatedCases / 4, outcomes.ToString());
        Assert.IsTrue(outcomes.Errors > MutatedCases / 4, outcomes.ToString());
    }

    [TestMethod]
    public void Random_bytes_load_or_fail_with_a_PostDataException()
    {
        var cases =
            from extension in Gen.Elements(".tsv", ".csv", ".jsonl")
            from length in Gen.Choose(0, 600)
            from bytes in Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), length)
            from text in Gen.Elements(false, true)
            select (Extension: extension, Bytes: text ? PrintableFrom(bytes) : bytes);
        using var temp = new TempDirectory();
        var outcomes = new ReadOutcomes();
        var summary = FuzzCheck.Run(
            cases,
            RandomCases,
            seed: 42,
            CaseTimeout,
            c => $"{c.Extension}: {Convert.ToHexString(c.Bytes)}",
            c => ReadEveryWay(temp, c.Extension, c.Bytes, outcomes),
            typeof(PostDataException));

        Console.WriteLine($"{summary} {outcomes}");
        Assert.AreEqual(RandomCases, summary.Accepted, summary.ToString());
        Assert.AreEqual(RandomCases * 4, outcomes.Results + outcomes.Errors, outcomes.ToString());
    }

    private static byte[] Mutate((int File, ByteMutation[] Mutations) c) =>
        c.Mutations.Aggregate(Encoding.UTF8.GetBytes(ValidFiles[c.File].Text), (bytes, mutation) => mutation.ApplyTo(bytes));

    /// <summary>Random bytes mapped onto the characters post files are made of, so that some of them get past the header.</summary>
    private static byte[] PrintableFrom(byte[] bytes)
    {
        const string alphabet = "ab1.\t,\"\n\r{}:[] -eN";
        return bytes.Select(b => (byte)alphabet[b % alphabet.Length]).ToArray();
    }

    /// <summary>Reads the bytes four ways, each on its own so that an expected error in one reading does not hide a defect
    /// in another; a <see cref="PostDataException"/> must name the file.</summary>
    private static void ReadEveryWay(TempDirectory temp, string extension, byte[] bytes, ReadOutcomes outcomes)
    {
        var path = temp.File($"case-{Guid.NewGuid():N}{extension}");
        File.WriteAllBytes(path, bytes);
        try
        {
            Read(path, outcomes, () => PostDatasetLoader.Load(path, new PostLoadOptions { LabelColumn = "sentiment" }));
            Read(path, outcomes, () => PostDatasetLoader.Load(path, new PostLoadOptions()));
            Read(path, outcomes, () => PostDatasetLoader.LoadForScoring(path, ScoringSchema, TaskKind.Binary, ["negative", "positive"], requireLabel: true, options: null));
            Read(path, outcomes, () => PostDatasetLoader.LoadForScoringInChunks(path, ScoringSchema, TaskKind.Binary, ["negative", "positive"], chunkRows: 2, options: null).ToList());
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void Read(string path, ReadOutcomes outcomes, Action read)
    {
        try
        {
            read();
            Interlocked.Increment(ref outcomes.Results);
        }
        catch (PostDataException error)
        {
            StringAssert.Contains(error.Message, Path.GetFileName(path), "A data error must name the file.");
            Interlocked.Increment(ref outcomes.Errors);
        }
    }
}
