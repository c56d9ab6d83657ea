using CrossModalML.Data;
using CrossModalML.Packaging;
using CrossModalML.Prediction;
using CrossModalML.Tests.TestSupport;
using CrossModalML.Training;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.ML;
using CrossModalML.Evaluation;

namespace CrossModalML.Tests.Fuzz;

/// <summary>Feeds the model loader damaged zips, made from a small real model: every case must load (and score a post)
/// or end in a <see cref="ModelPackageException"/> naming the file, never another exception or a hang.</summary>
/// <remarks>Case counts (fixed seeds): <see cref="MutatedCases"/> damaged zips and <see cref="RandomCases"/> files of
/// random bytes. About 30 s on two cores, most of it loading the zips that survive the damage.</remarks>
[TestClass]
public sealed class ModelZipFuzzTests
{
    public const int MutatedCases = 120;
    public const int RandomCases = 30;

    private static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(30);

    private static readonly Gen<ByteMutation> ByteChange =
        from kind in Gen.Elements(ByteMutationKind.FlipBit, ByteMutationKind.Cut, ByteMutationKind.InsertInteresting, ByteMutationKind.DeleteRange)
        from position in Gen.Choose(0, 10_000)
        from position2 in Gen.Choose(0, 10_000)
        from value in Gen.Choose(0, 255)
        select new ByteMutation(kind, position / 10_000.0, position2 / 10_000.0, (byte)value);

    private static readonly Gen<ZipMutation> Mutation =
        from kind in Gen.Elements(Enum.GetValues<ZipMutationKind>())
        from entry in Gen.Choose(0, 9_999)
        from edit in Gen.Choose(0, 1_000)
        from count in Gen.Choose(1, 3)
        from bytes in Gen.ArrayOf(ByteChange, count)
        select new ZipMutation(kind, entry / 10_000.0, edit, bytes);

    private static TempDirectory? _temp;
    private static byte[] _model = [];

    [ClassInitialize]
    public static void TrainSmallModel(TestContext context)
    {
        _ = context;
        _temp = new TempDirectory();

        // Forty demo posts with their images (absolute paths, so the copy of the file can live in the temp folder).
        var demoDirectory = Path.GetDirectoryName(RepositoryPaths.DemoPosts)!;
        var lines = File.ReadLines(RepositoryPaths.DemoPosts).Take(41)
            .Select(line => line.Replace("\timages/", $"\t{demoDirectory}/images/", StringComparison.Ordinal));
        var posts = _temp.File("posts.tsv");
        File.WriteAllLines(posts, lines);
        var data = PostDatasetLoader.Load(posts, new PostLoadOptions { LabelColumn = "sentiment" });
        var options = new TrainingOptions { Evaluation = { Strategy = EvaluationStrategy.HoldOut } };
        var ml = new MLContext(1);
        var result = new CrossModalTrainer(ml).Train(data, options);
        var path = _temp.File("model.zip");
        ModelPackage.Save(ml, path, result.Model, data.DataView.Schema, result.ToManifest(data, options));
        _model = File.ReadAllBytes(path);
    }

    [ClassCleanup]
    public static void DeleteModel() => _temp?.Dispose();

    [TestMethod]
    public void The_undamaged_model_loads_and_scores()
    {
        var outcomes = new ReadOutcomes();
        LoadAndScore(_model, outcomes);
        Assert.AreEqual(1, outcomes.Results, "The fuzzer's starting point must be a working model.");
    }

    [TestMethod]
    public void Damaged_model_zips_load_or_fail_with_a_ModelPackageException()
    {
        var cases = Gen.Choose(1, 3).SelectMany(count => Gen.ArrayOf(Mutation, count));
        var outcomes = new ReadOutcomes();
        var summary = FuzzCheck.Run(
            cases,
            MutatedCases,
            seed: 1207,
            CaseTimeout,
            mutations => string.Join("; ", mutations.Select(m => m.ToString())),
            mutations => LoadAndScore(ZipMutation.Apply(_model, mutations), outcomes),
            typeof(ModelPackageException));

        Console.WriteLine($"{summary} {outcomes}");
        Assert.IsTrue(outcomes.Results > MutatedCases / 10, outcomes.ToString());
        Assert.IsTrue(outcomes.Errors > MutatedCases / 4, outcomes.ToString());
    }

    [TestMethod]
    public void Random_bytes_as_a_model_fail_with_a_ModelPackageException()
    {
        var cases =
            from length in Gen.Choose(0, 2_000)
            from zipHeader in Gen.Elements(false, true)
            from bytes in Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), length)
            select zipHeader ? [(byte)'P', (byte)'K', 3, 4, .. bytes] : bytes;
        var outcomes = new ReadOutcomes();
        var summary = FuzzCheck.Run(
            cases,
            RandomCases,
            seed: 7,
            CaseTimeout,
            bytes => Convert.ToHexString(bytes),
            bytes => LoadAndScore(bytes, outcomes),
            typeof(ModelPackageException));

        Console.WriteLine($"{summary} {outcomes}");
        Assert.AreEqual(RandomCases, outcomes.Errors, outcomes.ToString());
    }

    /// <summary>Reads the manifest, loads the model and scores one post; a <see cref="ModelPackageException"/> must name the file.</summary>
    private static void LoadAndScore(byte[] zip, ReadOutcomes outcomes)
    {
        var path = _temp!.File($"case-{Guid.NewGuid():N}.zip");
        File.WriteAllBytes(path, zip);
        try
        {
            ModelPackage.ReadManifest(path);
            using var predictor = CrossModalPredictor.Load(path);
            var prediction = predictor.Predict(new Dictionary<string, string?> { ["text"] = "Loving the sunshine today #happy", ["likes"] = "3" });
            Assert.IsTrue(prediction.Probabilities.Count > 0 || prediction.Value is not null, "A loaded model must give a prediction.");
            Interlocked.Increment(ref outcomes.Results);
        }
        catch (ModelPackageException error)
        {
            StringAssert.Contains(error.Message, Path.GetFileName(path), "A model error must name the file.");
            Interlocked.Increment(ref outcomes.Errors);
            throw;
        }
        finally
        {
            File.Delete(path);
        }
    }
}
