using CrossModalML.Data;
using CrossModalML.Tests.TestSupport;

namespace CrossModalML.Tests.Training.Imbalance;

/// <summary>Writes chosen demo rows to a file of their own, so that the loader sees only their classes.</summary>
internal static class ImbalanceData
{
    public static PostDataset WriteSubset(IReadOnlyList<int> rows, string fileName)
    {
        // The demo file has one post per line and no skipped rows, so data row i is file line i + 1.
        var lines = File.ReadAllLines(RepositoryPaths.DemoPosts);
        var images = Path.Combine(RepositoryPaths.Root, "datasets", "demo", "images") + "/";
        var path = Path.Combine(Path.GetTempPath(), $"crossmodal-tests-{Guid.NewGuid():N}", fileName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllLines(path, new[] { lines[0] }.Concat(rows.Select(i => lines[i + 1].Replace("\timages/", "\t" + images, StringComparison.Ordinal))));
        return PostDatasetLoader.Load(path, new PostLoadOptions { LabelColumn = "sentiment" });
    }
}
