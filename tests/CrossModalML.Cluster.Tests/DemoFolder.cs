namespace CrossModalML.Cluster.Tests;

/// <summary>A fresh folder holding the first demo posts and only their images, as one machine's mount of shared data.</summary>
internal static class DemoFolder
{
    public static DirectoryInfo Copy(int posts)
    {
        var folder = Directory.CreateTempSubdirectory("crossmodal-data-");
        var lines = File.ReadLines(SmallModel.DemoPosts).Take(posts + 1).ToList();
        File.WriteAllLines(Path.Combine(folder.FullName, "posts.tsv"), lines);
        folder.CreateSubdirectory("images");
        var source = Path.GetDirectoryName(SmallModel.DemoPosts)!;
        foreach (var image in lines.Skip(1).Select(line => line.Split('\t')[2]).Where(cell => cell.Length > 0))
        {
            File.Copy(Path.Combine(source, image), Path.Combine(folder.FullName, image));
        }

        return folder;
    }
}
