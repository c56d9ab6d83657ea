namespace CrossModalML.Tests.TestSupport;

/// <summary>Slices of the demo posts written as files of their own.</summary>
internal static class DemoSlices
{
    /// <summary>Demo rows <paramref name="skip"/> to <paramref name="skip"/> + <paramref name="rows"/> as a TSV with absolute image paths.</summary>
    public static string Write(TempDirectory temp, int skip, int rows)
    {
        var lines = File.ReadLines(RepositoryPaths.DemoPosts).ToList();
        var image = Array.IndexOf(lines[0].Split('\t'), "image");
        var demoDirectory = Path.GetDirectoryName(RepositoryPaths.DemoPosts)!;
        var body = lines.Skip(1 + skip).Take(rows).Select(line =>
        {
            var fields = line.Split('\t');
            fields[image] = fields[image].Length > 0 ? Path.Combine(demoDirectory, fields[image]) : string.Empty;
            return string.Join('\t', fields);
        });
        var path = temp.File($"slice-{skip}-{rows}.tsv");
        File.WriteAllLines(path, body.Prepend(lines[0]));
        return path;
    }
}
