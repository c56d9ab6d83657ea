using CrossModalML.Data;

namespace CrossModalML.Benchmarks;

/// <summary>Writes the stratified 80/20 MVSA-Single split used by docs/benchmarks.md: <see cref="DataSplitter.StratifiedHoldOut"/>
/// over the <c>label</c> column with test fraction 0.2 and seed 1, rows kept verbatim and in file order, plus an
/// <c>images</c> link to the shared images so the relative image paths resolve.</summary>
internal static class MvsaSplit
{
    public static (string Train, string Test) Write(string datasetDirectory, string outputDirectory, int seed = 1)
    {
        var lines = File.ReadAllLines(Path.Combine(datasetDirectory, "posts.tsv"));
        var header = lines[0];
        int labelIndex = Array.IndexOf(header.Split('\t'), "label");
        var rows = lines.Skip(1).Where(l => l.Length > 0).ToList();
        var split = DataSplitter.StratifiedHoldOut(rows.Select(r => r.Split('\t')[labelIndex]).ToList(), 0.2, seed);
        Directory.CreateDirectory(outputDirectory);
        var train = Path.Combine(outputDirectory, "train.tsv");
        var test = Path.Combine(outputDirectory, "test.tsv");
        File.WriteAllLines(train, [header, .. split.Train.Select(i => rows[i])]);
        File.WriteAllLines(test, [header, .. split.Test.Select(i => rows[i])]);
        var images = Path.Combine(outputDirectory, "images");
        if (!Directory.Exists(images))
        {
            Directory.CreateSymbolicLink(images, Path.GetFullPath(Path.Combine(datasetDirectory, "images")));
        }

        return (train, test);
    }
}
