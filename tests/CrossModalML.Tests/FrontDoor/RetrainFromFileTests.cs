using System.Security.Cryptography;
using CrossModalML.Data;
using CrossModalML.Packaging;
using CrossModalML.Retraining;
using CrossModalML.Tests.TestSupport;
using Microsoft.ML;

namespace CrossModalML.Tests.FrontDoor;

/// <summary>Retraining through <see cref="CrossModalCatalog"/> on the posts of a file.</summary>
[TestClass]
[DoNotParallelize]
public sealed class RetrainFromFileTests
{
    [TestMethod]
    public void A_retraining_from_a_file_equals_one_from_the_posts_read_as_the_old_model_reads_them()
    {
        using var temp = new TempDirectory();
        var file = DemoSlices.Write(temp, 2000, 200);
        var old = ModelPackage.ReadManifest(DemoModel.ModelPath);
        var options = new RetrainingOptions { TestFraction = 0.25 };
        var data = PostDatasetLoader.LoadForScoring(file, old.Columns, old.Task, old.ClassLabels, requireLabel: true, options.Load);

        using var fromFile = new MLContext(seed: 3).CrossModal().Retrain(DemoModel.ModelPath, file, options);
        using var fromPosts = new MLContext(seed: 3).CrossModal().Retrain(DemoModel.ModelPath, data, options);

        Assert.AreEqual(3, fromFile.Manifest.Seed);
        Assert.AreEqual(fromPosts.RetrainingResult!.HoldOutRows, fromFile.RetrainingResult!.HoldOutRows);
        Assert.AreEqual(fromPosts.RetrainingResult.NewMetrics.MacroF1, fromFile.RetrainingResult.NewMetrics.MacroF1);
        Assert.AreEqual(fromPosts.RetrainingResult.OldMetrics.MacroF1, fromFile.RetrainingResult.OldMetrics.MacroF1);
        Assert.IsFalse(fromFile.RetrainingResult.KeptOldModel);
    }

    [TestMethod]
    public void A_kept_old_model_is_saved_as_an_exact_copy_of_the_old_zip()
    {
        using var temp = new TempDirectory();

        // The old model was fitted on all 3,000 demo posts, these 60 among them; a model fitted on 48 of them does worse on the other 12.
        using var model = new MLContext(seed: 1).CrossModal().Retrain(DemoModel.ModelPath, DemoSlices.Write(temp, 0, 60), new RetrainingOptions { KeepBetter = true });
        model.Save(temp.File("kept.zip"));

        Assert.IsTrue(model.RetrainingResult!.KeptOldModel);
        CollectionAssert.AreEqual(SHA256.HashData(File.ReadAllBytes(DemoModel.ModelPath)), SHA256.HashData(File.ReadAllBytes(temp.File("kept.zip"))));
        Assert.AreEqual(ModelPackage.ReadManifest(DemoModel.ModelPath).UserIdSaltId, model.Manifest.UserIdSaltId);
    }
}
