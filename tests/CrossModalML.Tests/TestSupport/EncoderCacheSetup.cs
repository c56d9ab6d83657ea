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
}
