namespace CrossModalML.Tests.TestSupport;

/// <summary>Finds the repository and the shared data beside it, wherever the tests run from.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string DemoPosts => Path.Combine(Root, "datasets", "demo", "posts.tsv");

    /// <summary>A path under <c>../shared</c>, or an inconclusive test when that file is absent.</summary>
    public static string SharedOrInconclusive(params string[] parts)
    {
        var path = Path.GetFullPath(Path.Combine([Root, "..", "shared", .. parts]));
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            Assert.Inconclusive($"Shared asset '{path}' is not present beside the checkout; this test needs it.");
        }

        return path;
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CrossModalML.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"CrossModalML.sln was not found above '{AppContext.BaseDirectory}'.");
    }
}
