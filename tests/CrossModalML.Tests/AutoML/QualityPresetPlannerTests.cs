using System.Text;
using CrossModalML.AutoML;
using CrossModalML.Data;
using CrossModalML.Tests.Data;
using CrossModalML.Training;
using CrossModalML.Evaluation;

namespace CrossModalML.Tests.AutoML;

[TestClass]
public sealed class QualityPresetPlannerTests
{
    /// <summary>Twelve posts; with <paramref name="shared"/> they use three images, four posts each, otherwise one image each.</summary>
    private static PostDataset Posts(TempDirectory temp, bool shared)
    {
        var tsv = new StringBuilder("id\ttext\timage\tlabel\n");
        for (int i = 0; i < 12; i++)
        {
            var image = $"img{(shared ? i % 3 : i)}.png";
            if (!File.Exists(Path.Combine(temp.Path, image)))
            {
                temp.WritePng(image, shade: (byte)(shared ? i % 3 : i));
            }

            tsv.Append($"p{i}\tpost number {i} {(i % 2 == 0 ? "great" : "awful")}\t{image}\t{(i % 2 == 0 ? "pos" : "neg")}\n");
        }

        return PostDatasetLoader.Load(temp.Write("posts.tsv", tsv.ToString()), new PostLoadOptions { LabelColumn = "label" });
    }

    [TestMethod]
    public void The_budget_grows_with_posts_and_pretrained_encoders_between_its_bounds_and_best_spends_four_times_as_long()
    {
        Assert.AreEqual(TimeSpan.FromSeconds(30), SearchBudgetRule.For(QualityPreset.Balanced, 100));
        Assert.AreEqual(TimeSpan.FromSeconds(39), SearchBudgetRule.For(QualityPreset.Balanced, 2_000));
        Assert.AreEqual(TimeSpan.FromSeconds(51), SearchBudgetRule.For(QualityPreset.Balanced, 3_000));
        Assert.AreEqual(TimeSpan.FromSeconds(87), SearchBudgetRule.For(QualityPreset.Balanced, 2_000, pretrainedEncoders: 2));
        Assert.AreEqual(TimeSpan.FromSeconds(600), SearchBudgetRule.For(QualityPreset.Balanced, 1_000_000));
        Assert.AreEqual(TimeSpan.FromSeconds(156), SearchBudgetRule.For(QualityPreset.Best, 2_000));
        Assert.AreEqual("2,000 posts, 2 pretrained encoders → clamp(15 s + 0.012 s × 2,000 × 3, 30 s, 600 s) = 87 s", SearchBudgetRule.Describe(QualityPreset.Balanced, 2_000, 2));
        StringAssert.EndsWith(SearchBudgetRule.Describe(QualityPreset.Best, 3_000), "= 204 s");
        Assert.ThrowsExactly<ArgumentException>(() => SearchBudgetRule.For(QualityPreset.Fast, 10));
    }

    [TestMethod]
    public void Presets_map_to_a_single_fit_or_a_budgeted_search_and_explicit_settings_override_them()
    {
        using var temp = new TempDirectory();
        var data = Posts(temp, shared: false);

        var balanced = QualityPresetPlanner.Plan(data, new PresetRequest());
        Assert.IsTrue(balanced.Search);
        Assert.AreEqual(SearchBudgetRule.For(QualityPreset.Balanced, 12), balanced.TimeBudget);
        StringAssert.Contains(balanced.BudgetReason, "12 posts");

        Assert.IsFalse(QualityPresetPlanner.Plan(data, new PresetRequest { Preset = QualityPreset.Fast }).Search);
        var best = QualityPresetPlanner.Plan(data, new PresetRequest { Preset = QualityPreset.Best, PretrainedEncoders = 1 });
        Assert.AreEqual(SearchBudgetRule.For(QualityPreset.Best, 12, 1), best.TimeBudget);
        Assert.IsTrue(best.Ensemble, "the best preset ends with an ensemble");
        Assert.IsFalse(balanced.Ensemble);
        Assert.IsTrue(QualityPresetPlanner.Plan(data, new PresetRequest { Ensemble = true }).Ensemble);

        var timed = QualityPresetPlanner.Plan(data, new PresetRequest { Preset = QualityPreset.Fast, TimeBudget = TimeSpan.FromSeconds(7) });
        Assert.IsTrue(timed.Search, "an explicit budget searches even with the fast preset");
        Assert.AreEqual(TimeSpan.FromSeconds(7), timed.TimeBudget);

        var trials = QualityPresetPlanner.Plan(data, new PresetRequest { MaxTrials = 3 });
        Assert.AreEqual(3, trials.MaxTrials);
        Assert.IsNull(trials.TimeBudget, "an explicit trial count replaces the preset's time budget");

        Assert.IsFalse(QualityPresetPlanner.Plan(data, new PresetRequest { Preset = QualityPreset.Best, TrainerFixed = true }).Search);
    }

    [TestMethod]
    public void Posts_sharing_images_are_grouped_by_image_unless_the_user_says_otherwise()
    {
        using var temp = new TempDirectory();
        var shared = Posts(temp, shared: true);

        var plan = QualityPresetPlanner.Plan(shared, new PresetRequest());
        Assert.AreEqual("image", plan.GroupColumn);
        StringAssert.Contains(plan.GroupingReason, "12 posts share 3 images");
        StringAssert.Contains(plan.GroupingReason, "--group-by none");

        Assert.IsNull(QualityPresetPlanner.Plan(shared, new PresetRequest { NoGrouping = true }).GroupColumn);
        Assert.IsNull(QualityPresetPlanner.Plan(shared, new PresetRequest { TimeSplit = true }).GroupColumn);
        var chosen = QualityPresetPlanner.Plan(shared, new PresetRequest { GroupColumn = "id" });
        Assert.AreEqual("id", chosen.GroupColumn);
        Assert.IsNull(chosen.GroupingReason);
        Assert.ThrowsExactly<ArgumentException>(() => QualityPresetPlanner.Plan(shared, new PresetRequest { GroupColumn = "id", NoGrouping = true }));

        using var other = new TempDirectory();
        Assert.IsNull(QualityPresetPlanner.Plan(Posts(other, shared: false), new PresetRequest()).GroupColumn, "posts with their own images keep stratified splits");
    }

    [TestMethod]
    public void One_picture_saved_under_several_names_is_one_group_and_a_single_picture_everywhere_is_no_group()
    {
        using var temp = new TempDirectory();
        var tsv = new StringBuilder("id\ttext\timage\tlabel\n");
        for (int i = 0; i < 12; i++)
        {
            // Every post has a file of its own name, but only three pictures exist, as when a scrape names files after posts.
            temp.WritePng($"post{i}.png", shade: (byte)(i % 3));
            tsv.Append($"p{i}\tpost number {i} {(i % 2 == 0 ? "great" : "awful")}\tpost{i}.png\t{(i % 2 == 0 ? "pos" : "neg")}\n");
        }

        var data = PostDatasetLoader.Load(temp.Write("posts.tsv", tsv.ToString()), new PostLoadOptions { LabelColumn = "label" });
        var plan = QualityPresetPlanner.Plan(data, new PresetRequest());
        Assert.AreEqual("image", plan.GroupColumn);
        StringAssert.Contains(plan.GroupingReason, "12 posts share 3 images");

        var (splits, description) = new EvaluationOptions { GroupColumn = "image", Folds = 3 }.CreateSplits(data, seed: 1);
        StringAssert.Contains(description, "grouped by 'image'");
        foreach (var split in splits)
        {
            var trainedPictures = split.Train.Select(i => i % 3).ToHashSet();
            Assert.IsFalse(split.Test.Any(i => trainedPictures.Contains(i % 3)), "a test post's picture was in the training rows under another name");
        }

        using var same = new TempDirectory();
        var single = new StringBuilder("id\ttext\timage\tlabel\n");
        for (int i = 0; i < 12; i++)
        {
            same.WritePng($"post{i}.png");
            single.Append($"p{i}\tpost number {i} {(i % 2 == 0 ? "great" : "awful")}\tpost{i}.png\t{(i % 2 == 0 ? "pos" : "neg")}\n");
        }

        var everywhere = PostDatasetLoader.Load(same.Write("posts.tsv", single.ToString()), new PostLoadOptions { LabelColumn = "label" });
        Assert.IsNull(QualityPresetPlanner.Plan(everywhere, new PresetRequest()).GroupColumn, "one picture on every post cannot be split by picture, and leaks nothing");
    }

    [TestMethod]
    public void On_MediaEval_the_default_evaluation_and_search_never_test_on_an_image_they_trained_on()
    {
        var posts = TestSupport.RepositoryPaths.SharedOrInconclusive("datasets", "mediaeval2015-vmu", "posts.tsv");
        var data = PostDatasetLoader.Load(posts, new PostLoadOptions { LabelColumn = "label" });
        var plan = QualityPresetPlanner.Plan(data, new PresetRequest());
        Assert.AreEqual("image", plan.GroupColumn);

        var images = data.GetColumnValues("image");
        var singleFit = new EvaluationOptions { GroupColumn = plan.GroupColumn };
        var search = new AutoMLExperimentOptions { Evaluation = { GroupColumn = plan.GroupColumn } }.SearchEvaluation();
        foreach (var evaluation in new[] { singleFit, search })
        {
            var (splits, description) = evaluation.CreateSplits(data, seed: 1);
            StringAssert.Contains(description, "grouped by 'image'");
            foreach (var split in splits)
            {
                var trained = split.Train.Select(i => images[i]).ToHashSet(StringComparer.Ordinal);
                Assert.IsFalse(split.Test.Any(i => trained.Contains(images[i])), $"{description}: a test post's image was in the training rows");
            }
        }
    }

    [TestMethod]
    public void Balanced_and_best_turn_on_the_shipped_encoders_unless_the_preset_is_fast_or_the_user_chose_encoders()
    {
        using var temp = new TempDirectory();
        var data = Posts(temp, shared: false);

        var balanced = QualityPresetPlanner.Plan(data, new PresetRequest());
        Assert.IsTrue(balanced.ShippedEncoders);
        StringAssert.Contains(balanced.EncoderReason, "ResNet18 image embedding and MiniLM sentence embedding");
        StringAssert.Contains(balanced.BudgetReason, "2 pretrained encoders", "the shipped encoders count in the budget rule");
        Assert.IsTrue(QualityPresetPlanner.Plan(data, new PresetRequest { Preset = QualityPreset.Best }).ShippedEncoders);
        Assert.IsTrue(QualityPresetPlanner.Plan(data, new PresetRequest { MaxTrials = 3 }).ShippedEncoders, "a budget given by hand keeps the preset's features");

        Assert.IsFalse(QualityPresetPlanner.Plan(data, new PresetRequest { Preset = QualityPreset.Fast }).ShippedEncoders);
        Assert.IsFalse(QualityPresetPlanner.Plan(data, new PresetRequest { Preset = QualityPreset.Fast, MaxTrials = 3 }).ShippedEncoders);
        Assert.IsFalse(QualityPresetPlanner.Plan(data, new PresetRequest { EncodersChosen = true }).ShippedEncoders);
        Assert.IsFalse(QualityPresetPlanner.Plan(data, new PresetRequest { TrainerFixed = true }).ShippedEncoders);
        var unevaluated = QualityPresetPlanner.Plan(data, new PresetRequest { NoEvaluation = true });
        Assert.IsFalse(unevaluated.Search, "a search needs validation scores");
        Assert.IsTrue(unevaluated.ShippedEncoders, "the preset's features stay");

        var featurizer = new CrossModalML.Featurization.FeaturizerOptions();
        QualityPresetPlanner.ApplyEncoders(QualityPresetPlanner.Plan(data, new PresetRequest { Preset = QualityPreset.Fast }), featurizer);
        Assert.AreEqual(CrossModalML.Featurization.ImageFeaturizerKind.BuiltIn, featurizer.Image.Kind);
        Assert.AreEqual(CrossModalML.Featurization.SentenceEncoderKind.None, featurizer.Text.SentenceEncoder);
        QualityPresetPlanner.ApplyEncoders(balanced, featurizer);
        Assert.AreEqual(CrossModalML.Featurization.ImageFeaturizerKind.ResNet18, featurizer.Image.Kind);
        Assert.AreEqual(CrossModalML.Featurization.SentenceEncoderKind.MiniLM, featurizer.Text.SentenceEncoder);
    }
}
