using System.IO.Compression;
using System.Text;
using CrossModalML.Data;
using CrossModalML.Packaging;
using CrossModalML.Prediction;
using CrossModalML.Privacy;
using CrossModalML.Tests.TestSupport;
using CrossModalML.Training;
using Microsoft.ML;
using CrossModalML.MultiTask;
using CrossModalML.Evaluation;

namespace CrossModalML.Tests.Privacy;

[TestClass]
public sealed class UserIdPrivacyTests
{
    private const int Rows = 250;

    private static string TrainMultiTask(TempDirectory temp, bool scrub)
    {
        var data = PostDatasetLoader.Load(RepositoryPaths.DemoPosts, new PostLoadOptions { LabelColumn = "sentiment" }).Select(Enumerable.Range(0, Rows).ToList());
        var options = new MultiTaskOptions { Labels = ["sentiment", "topic"], Evaluation = { Strategy = EvaluationStrategy.None }, Stacking = StackingMode.Off };
        options.Featurizer.Text.ScrubPersonalData = scrub;
        options.Featurizer.Text.UseCharNgrams = false;
        var ml = new MLContext(1);
        var result = new MultiTaskTrainer(ml).Train(data, options);
        var path = temp.File(scrub ? "scrubbed.zip" : "raw.zip");
        ModelPackage.Save(ml, path, result.Model, result.TrainingData.DataView.Schema, result.ToManifest(options));
        return path;
    }

    [TestMethod]
    public void No_raw_user_id_reaches_a_scrubbed_multi_task_zip()
    {
        using var temp = new TempDirectory();
        var users = File.ReadLines(RepositoryPaths.DemoPosts).Skip(1).Take(Rows).Select(l => l.Split('\t')[3]).Distinct().ToList();

        // The probe must see a leak where there is one: unscrubbed, @mentions of users stay in the text dictionary.
        var raw = ModelPrivacyTests.AllEntriesAsText(TrainMultiTask(temp, scrub: false));
        Assert.IsTrue(users.Any(u => raw.Contains(u, StringComparison.Ordinal)), "the probe cannot see user ids in a zip");

        var path = TrainMultiTask(temp, scrub: true);
        var scrubbed = ModelPrivacyTests.AllEntriesAsText(path);
        foreach (var user in users)
        {
            Assert.IsFalse(scrubbed.Contains(user, StringComparison.Ordinal), $"user id {user} found in the scrubbed multi-task zip");
        }

        var manifest = ModelPackage.ReadManifest(path);
        Assert.AreEqual(UserIdHasher.ReadFrom(path)!.SaltId, manifest.UserIdSaltId, "the manifest records which salt the zip carries");
        Assert.IsTrue(manifest.IsMultiTask);
    }

    [TestMethod]
    public void Pseudonyms_are_stable_within_a_model_and_unlinkable_across_models()
    {
        using var temp = new TempDirectory();
        var first = temp.File("a.zip");
        var second = temp.File("b.zip");
        File.Copy(DemoModel.ModelPath, first);
        using (var package = ModelPackage.Load(new MLContext(1), DemoModel.ModelPath))
        {
            ModelPackage.Save(new MLContext(1), second, package.Model, package.InputSchema, package.Manifest);
        }

        string once, again, other;
        using (var predictor = CrossModalPredictor.Load(first))
        {
            once = predictor.PseudonymizeUser("u001");
            Assert.AreEqual(once, predictor.PseudonymizeUser(" u001 "), "surrounding blanks do not change the user");
            Assert.AreNotEqual(once, predictor.PseudonymizeUser("u002"));
            Assert.AreEqual(string.Empty, predictor.PseudonymizeUser(null));
        }

        using (var predictor = CrossModalPredictor.Load(first))
        {
            again = predictor.PseudonymizeUser("u001");
        }

        using (var predictor = CrossModalPredictor.Load(second))
        {
            other = predictor.PseudonymizeUser("u001");
        }

        Assert.AreEqual(once, again, "the same model gives the same pseudonym after a reload");
        Assert.AreNotEqual(once, other, "another model's salt gives an unrelated pseudonym");
        Assert.AreNotEqual(ModelPackage.ReadManifest(first).UserIdSaltId, ModelPackage.ReadManifest(second).UserIdSaltId);
        StringAssert.Matches(once, new System.Text.RegularExpressions.Regex("^user_[0-9a-f]{16}$"));
        Assert.IsFalse(once.Contains("u001", StringComparison.Ordinal));
    }

    [TestMethod]
    public void A_known_salt_gives_known_pseudonyms_and_a_short_salt_is_refused()
    {
        var salt = Enumerable.Range(0, 16).Select(i => (byte)i).ToArray();
        Assert.AreEqual(UserIdHasher.FromSalt(salt).Hash("u001"), UserIdHasher.FromSalt(salt).Hash("u001"));
        Assert.AreNotEqual(UserIdHasher.FromSalt(salt).Hash("u001"), UserIdHasher.CreateRandom().Hash("u001"));
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => UserIdHasher.FromSalt(new byte[8])).Message, "at least 16");
    }
}
