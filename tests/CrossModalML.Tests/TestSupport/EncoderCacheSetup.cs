using CrossModalML.Featurization;

namespace CrossModalML.Tests.TestSupport;

/// <summary>Points the default encoder cache at a folder of the test run, so tests never write into the user's cache.</summary>
[TestClass]
public static class EncoderCacheSetup
{
    public static string Directory { get; } = Path.Combine(Path.GetTempPath(), $"crossmodalml-test-cache-{Environment.ProcessId}");

    [AssemblyInitialize]
    public static void UseTestCache(TestContext context) => EncoderCacheOptions.Default = new EncoderCacheOptions { Directory = Directory };

    [AssemblyCleanup]
    public static void RemoveTestCache()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }

    /// <summary>Runs <c>predict</c> with a saved model on <paramref name="posts"/>, deletes the test cache, runs it again,
    /// and asserts that both runs succeed and write the same predictions: a saved model needs no cache to score.</summary>
    internal static void AssertPredictsTheSameAfterTheCacheIsDeleted(string model, string posts, TempDirectory temp)
    {
        Assert.AreEqual(0, CliRunner.Run("predict", "--model", model, "--input", posts, "--output", temp.File("warm.tsv")).ExitCode);
        RemoveTestCache();
        Assert.AreEqual(0, CliRunner.Run("predict", "--model", model, "--input", posts, "--output", temp.File("cold.tsv")).ExitCode);
        CollectionAssert.AreEqual(File.ReadAllLines(temp.File("warm.tsv")), File.ReadAllLines(temp.File("cold.tsv")));
    }
}
