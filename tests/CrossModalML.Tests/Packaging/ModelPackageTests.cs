using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrossModalML.Data;
using CrossModalML.Packaging;
using CrossModalML.Prediction;
using CrossModalML.Tests.TestSupport;
using CrossModalML.Training;
using Microsoft.ML;
using Microsoft.ML.Data;
using CrossModalML.Evaluation;

namespace CrossModalML.Tests.Packaging;

[TestClass]
public sealed class ModelPackageTests
{
    [TestMethod]
    public void Manifest_records_task_columns_trainer_metrics_rows_and_versions()
    {
        var manifest = ModelPackage.ReadManifest(DemoModel.ModelPath);

        Assert.AreEqual(TaskKind.Multiclass, manifest.Task);
        Assert.AreEqual("sentiment", manifest.LabelColumn);
        CollectionAssert.AreEqual(DemoModel.Data.ClassLabels.ToList(), manifest.ClassLabels.ToList());
        Assert.AreEqual(ColumnRole.Text, manifest.Columns.Single(c => c.Name == "text").Role);
        Assert.AreEqual(ColumnRole.Image, manifest.Columns.Single(c => c.Name == "image").Role);
        Assert.AreEqual(DemoModel.Result.Trainer, manifest.Trainer);
        Assert.AreEqual(DemoModel.Result.Metrics!.Accuracy, manifest.Metrics!.Accuracy);
        Assert.AreEqual(DemoModel.Data.RowCount, manifest.Data.RowsUsed);
        Assert.AreEqual(DemoModel.Data.Fingerprint, manifest.Data.Fingerprint);
        Assert.AreEqual(ToolkitInfo.MlNetVersion, manifest.MlNetVersion);
        Assert.IsFalse(string.IsNullOrEmpty(manifest.ToolkitVersion));
        Assert.IsTrue(manifest.FeatureGroups.Count > 0);
    }

    [TestMethod]
    public void A_plain_MLContext_loads_the_zip_after_registering_the_toolkit()
    {
        var ml = new MLContext(1);
        CrossModalRegistration.Register(ml);
        var model = ml.Model.Load(DemoModel.ModelPath, out var inputSchema);

        Assert.IsNotNull(inputSchema.GetColumnOrNull("text"));
        var scored = model.Transform(DemoModel.Data.DataView);
        var predicted = scored.GetColumn<ReadOnlyMemory<char>>(ModelColumns.PredictedLabel).Take(50).Select(v => v.ToString()).ToList();
        CollectionAssert.IsSubsetOf(predicted.Distinct().ToList(), DemoModel.Data.ClassLabels.ToList());
    }

    [TestMethod]
    public void A_file_that_is_not_a_zip_is_rejected_by_name()
    {
        using var temp = new TempDirectory();
        var path = temp.File("model.zip");
        File.WriteAllText(path, "not a zip");
        var ex = Assert.ThrowsExactly<ModelPackageException>(() => ModelPackage.Load(new MLContext(1), path));
        StringAssert.Contains(ex.Message, path);
        StringAssert.Contains(ex.Message, "not a zip");
    }

    [TestMethod]
    public void A_plain_MLNET_zip_without_manifest_is_rejected()
    {
        using var temp = new TempDirectory();
        var path = temp.File("plain.zip");
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable(new[] { new Row { X = 1 } });
        ml.Model.Save(ml.Transforms.CopyColumns("Y", "X").Fit(data), data.Schema, path);

        var ex = Assert.ThrowsExactly<ModelPackageException>(() => ModelPackage.ReadManifest(path));
        StringAssert.Contains(ex.Message, ModelPackage.ManifestEntryName);
    }

    [TestMethod]
    public void A_manifest_from_a_newer_format_asks_for_an_upgrade()
    {
        using var temp = new TempDirectory();
        var path = temp.File("future.zip");
        File.Copy(DemoModel.ModelPath, path);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
        {
            var entry = zip.GetEntry(ModelPackage.ManifestEntryName)!;
            JsonNode manifest;
            using (var reader = entry.Open())
            {
                manifest = JsonNode.Parse(reader)!;
            }

            entry.Delete();
            manifest["formatVersion"] = ModelManifest.CurrentFormatVersion + 1;
            using var writer = zip.CreateEntry(ModelPackage.ManifestEntryName).Open();
            JsonSerializer.Serialize(writer, manifest);
        }

        var ex = Assert.ThrowsExactly<ModelPackageException>(() => ModelPackage.ReadManifest(path));
        StringAssert.Contains(ex.Message, "Upgrade");
    }

    [TestMethod]
    public void A_manifest_with_a_required_field_removed_is_rejected_naming_the_field()
    {
        using var temp = new TempDirectory();
        var path = Tampered(temp, manifest => manifest.AsObject().Remove("trainer"));

        var ex = Assert.ThrowsExactly<ModelPackageException>(() => ModelPackage.ReadManifest(path));
        StringAssert.Contains(ex.Message, path);
        StringAssert.Contains(ex.Message, "trainer");
    }

    [TestMethod]
    public void A_manifest_with_an_unknown_or_unresolved_task_is_rejected()
    {
        using var temp = new TempDirectory();
        var unknown = Tampered(temp, manifest => manifest["task"] = "Clustering");
        var unresolved = Tampered(temp, manifest => manifest["task"] = "Auto");
        var numbered = Tampered(temp, manifest => manifest["task"] = 42);

        StringAssert.Contains(Assert.ThrowsExactly<ModelPackageException>(() => ModelPackage.ReadManifest(unknown)).Message, "task");
        StringAssert.Contains(Assert.ThrowsExactly<ModelPackageException>(() => ModelPackage.ReadManifest(unresolved)).Message, "task 'Auto'");
        StringAssert.Contains(Assert.ThrowsExactly<ModelPackageException>(() => ModelPackage.ReadManifest(numbered)).Message, "task '42'");
    }

    [TestMethod]
    public void A_manifest_of_format_version_zero_is_rejected()
    {
        using var temp = new TempDirectory();
        var path = Tampered(temp, manifest => manifest["formatVersion"] = 0);

        var ex = Assert.ThrowsExactly<ModelPackageException>(() => ModelPackage.ReadManifest(path));
        StringAssert.Contains(ex.Message, "manifest format 0");
    }

    [TestMethod]
    public void A_manifest_whose_label_classes_or_trainer_do_not_fit_together_is_rejected()
    {
        using var temp = new TempDirectory();
        var oneClass = Tampered(temp, manifest => manifest["classLabels"] = new JsonArray("positive"));
        var otherLabel = Tampered(temp, manifest => manifest["labelColumn"] = "topic");
        var regressionTrainer = Tampered(temp, manifest => manifest["trainer"]!["name"] = "Sdca");
        var twice = Tampered(temp, manifest => manifest["columns"]!.AsArray().Add(new JsonObject { ["name"] = "text", ["role"] = "Text" }));

        StringAssert.Contains(Assert.ThrowsExactly<ModelPackageException>(() => ModelPackage.ReadManifest(oneClass)).Message, "classes [positive]");
        StringAssert.Contains(Assert.ThrowsExactly<ModelPackageException>(() => ModelPackage.ReadManifest(otherLabel)).Message, "label column is 'topic'");
        StringAssert.Contains(Assert.ThrowsExactly<ModelPackageException>(() => ModelPackage.ReadManifest(regressionTrainer)).Message, "trainer 'Sdca'");
        StringAssert.Contains(Assert.ThrowsExactly<ModelPackageException>(() => ModelPackage.ReadManifest(twice)).Message, "'text' is listed twice");
    }

    [TestMethod]
    public void Columns_that_do_not_match_the_model_schema_are_rejected_at_load()
    {
        using var temp = new TempDirectory();
        var wrongType = Tampered(temp, manifest => Column(manifest, "likes")["role"] = "Text");
        var unlisted = Tampered(temp, manifest => Column(manifest, "topic")["role"] = "Ignore");
        var unknown = Tampered(temp, manifest => Column(manifest, "shares")["name"] = "reposts");

        var type = Assert.ThrowsExactly<ModelPackageException>(() => ModelPackage.Load(new MLContext(1), wrongType));
        StringAssert.Contains(type.Message, "'likes' (Text) should be");
        var extra = Assert.ThrowsExactly<ModelPackageException>(() => CrossModalPredictor.Load(unlisted));
        StringAssert.Contains(extra.Message, "reads 'topic', which the manifest does not list as an input");
        var missing = Assert.ThrowsExactly<ModelPackageException>(() => ModelPackage.Load(new MLContext(1), unknown));
        StringAssert.Contains(missing.Message, "'reposts' (Numeric) is not an input of the model");
    }

    [TestMethod]
    public void The_manifest_holds_no_post_text_user_id_or_data_path()
    {
        using var zip = ZipFile.OpenRead(DemoModel.ModelPath);
        using var reader = new StreamReader(zip.GetEntry(ModelPackage.ManifestEntryName)!.Open());
        var json = reader.ReadToEnd();

        var texts = DemoModel.Data.GetColumnValues("text");
        var users = DemoModel.Data.GetColumnValues("user_id");
        foreach (var text in texts.Take(200))
        {
            Assert.IsFalse(json.Contains(text, StringComparison.Ordinal), $"post text found in manifest: {text}");
        }

        foreach (var user in users.Distinct())
        {
            Assert.IsFalse(json.Contains($"\"{user}\"", StringComparison.Ordinal), $"user id found in manifest: {user}");
        }

        Assert.IsFalse(json.Contains(Path.GetDirectoryName(RepositoryPaths.DemoPosts)!, StringComparison.Ordinal), "data directory path found in manifest");
    }

    /// <summary>A copy of the demo model whose manifest JSON <paramref name="change"/> has edited.</summary>
    private static string Tampered(TempDirectory temp, Action<JsonNode> change)
    {
        var path = temp.File($"tampered-{Guid.NewGuid():N}.zip");
        File.Copy(DemoModel.ModelPath, path);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        var entry = zip.GetEntry(ModelPackage.ManifestEntryName)!;
        JsonNode manifest;
        using (var reader = entry.Open())
        {
            manifest = JsonNode.Parse(reader)!;
        }

        entry.Delete();
        change(manifest);
        using var writer = zip.CreateEntry(ModelPackage.ManifestEntryName).Open();
        JsonSerializer.Serialize(writer, manifest);
        return path;
    }

    private static JsonNode Column(JsonNode manifest, string name) => manifest["columns"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == name)!;

    private sealed class Row
    {
        public float X { get; set; }
    }
}
