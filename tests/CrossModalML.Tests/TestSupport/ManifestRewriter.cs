using System.IO.Compression;
using System.Text.Json;
using CrossModalML.Data;
using CrossModalML.Packaging;

namespace CrossModalML.Tests.TestSupport;

/// <summary>Changes the manifest inside a copy of a model zip, to give a test model a property without training one.</summary>
internal static class ManifestRewriter
{
    public static void Rewrite(string zipPath, Func<ModelManifest, ModelManifest> change)
    {
        var manifest = change(ModelPackage.ReadManifest(zipPath));
        using var zip = ZipFile.Open(zipPath, ZipArchiveMode.Update);
        zip.GetEntry(ModelPackage.ManifestEntryName)!.Delete();
        using var stream = zip.CreateEntry(ModelPackage.ManifestEntryName).Open();
        JsonSerializer.Serialize(stream, manifest, ManifestJson.Options);
    }

    /// <summary>A copy of <paramref name="modelPath"/> whose manifest says it was trained on exactly the labelled posts of
    /// <paramref name="dataPath"/> (their fingerprint and row count).</summary>
    public static string TrainedOn(string modelPath, string dataPath, string copyPath)
    {
        File.Copy(modelPath, copyPath);
        var manifest = ModelPackage.ReadManifest(copyPath);
        var data = PostDatasetLoader.LoadForScoring(dataPath, manifest.Columns, manifest.Task, manifest.ClassLabels, requireLabel: true, options: null);
        Rewrite(copyPath, m => m with { Data = new DataSummary(data.RowCount, data.RowCount, 0, data.Fingerprint) });
        return copyPath;
    }
}
