using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using CrossModalML.Data;
using CrossModalML.Packaging;
using CrossModalML.Tests.TestSupport;
using CrossModalML.Training;
using Microsoft.ML;
using CrossModalML.Evaluation;

namespace CrossModalML.Tests.Privacy;

[TestClass]
public sealed class ModelPrivacyTests
{
    /// <summary>Every entry of a zip decoded as UTF-8 and as UTF-16, so a string stored either way can be searched for.</summary>
    internal static string AllEntriesAsText(string zipPath)
    {
        using var zip = ZipFile.OpenRead(zipPath);
        var text = new StringBuilder();
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            var bytes = memory.ToArray();

            // JSON escapes are decoded, so an id written as "\u0075\u0030..." is still seen and the escape of an
            // apostrophe ("\u0027") is not taken for the user id "u002".
            var utf8 = Regex.Replace(Encoding.UTF8.GetString(bytes), @"\\u([0-9A-Fa-f]{4})", m => ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString());
            text.Append(utf8).Append(Encoding.Unicode.GetString(bytes));
        }

        return text.ToString();
    }

    private static string Train(TempDirectory temp, bool scrub)
    {
        var data = PostDatasetLoader.Load(RepositoryPaths.DemoPosts, new PostLoadOptions { LabelColumn = "sentiment" })
            .Select(Enumerable.Range(0, 800).ToList());
        var options = new TrainingOptions { Evaluation = { Strategy = EvaluationStrategy.None } };
        options.Featurizer.Text.ScrubPersonalData = scrub;
        var ml = new MLContext(1);
        var result = new CrossModalTrainer(ml).Train(data, options);
        var path = temp.File(scrub ? "scrubbed.zip" : "raw.zip");
        ModelPackage.Save(ml, path, result.Model, data.DataView.Schema, result.ToManifest(data, options));
        return path;
    }

    [TestMethod]
    public void A_scrubbed_model_holds_no_mentioned_user_or_url_and_the_manifest_says_it_scrubbed()
    {
        using var temp = new TempDirectory();
        var raw = AllEntriesAsText(Train(temp, scrub: false));
        var scrubbedPath = Train(temp, scrub: true);
        var scrubbed = AllEntriesAsText(scrubbedPath);

        // The unscrubbed model proves the probe can see a leak: its text dictionary keeps the mentioned handles.
        Assert.IsTrue(raw.Contains("u125", StringComparison.Ordinal) || raw.Contains("u010", StringComparison.Ordinal), "probe cannot see dictionary terms");
        var mentioned = File.ReadLines(RepositoryPaths.DemoPosts).Skip(1).Take(800)
            .SelectMany(line => line.Split('\t')[1].Split(' ')).Where(w => w.StartsWith('@')).Select(w => w[1..]).Distinct().ToList();
        Assert.IsTrue(mentioned.Count > 10);
        foreach (var handle in mentioned)
        {
            Assert.IsFalse(scrubbed.Contains(handle, StringComparison.Ordinal), $"mentioned user '{handle}' found in the scrubbed model");
        }

        Assert.IsFalse(scrubbed.Contains("example.com", StringComparison.Ordinal), "a URL from the posts is in the scrubbed model");
        Assert.IsTrue(ModelPackage.ReadManifest(scrubbedPath).Featurizer.Text.ScrubPersonalData, "the manifest records scrubbing");
    }

    [TestMethod]
    public void No_user_id_post_id_or_data_path_reaches_a_scrubbed_zip()
    {
        using var temp = new TempDirectory();
        var text = AllEntriesAsText(Train(temp, scrub: true));
        var rows = File.ReadLines(RepositoryPaths.DemoPosts).Skip(1).Take(800).Select(l => l.Split('\t')).ToList();
        foreach (var id in rows.Select(r => r[0]).Take(100))
        {
            Assert.IsFalse(text.Contains(id, StringComparison.Ordinal), $"post id {id} found");
        }

        foreach (var user in rows.Select(r => r[3]).Distinct())
        {
            Assert.IsFalse(text.Contains(user, StringComparison.Ordinal), $"user id {user} found");
        }

        Assert.IsFalse(text.Contains(Path.GetDirectoryName(RepositoryPaths.DemoPosts)!, StringComparison.Ordinal), "the data directory is in the zip");
    }
}
