using CrossModalML.AutoML;
using CrossModalML.Evaluation;
using CrossModalML.Featurization;
using CrossModalML.Packaging;
using CrossModalML.Training;

namespace CrossModalML.Tests.AutoML;

[TestClass]
public sealed class PresetSettingsTests
{
    [TestMethod]
    public void The_request_carries_what_the_training_options_fix()
    {
        var plain = PresetSettings.Request(QualityPreset.Best, new TrainingOptions());
        Assert.IsFalse(plain.TrainerFixed || plain.EncodersChosen || plain.TimeSplit || plain.NoEvaluation);
        Assert.AreEqual(0, plain.PretrainedEncoders);

        var options = new TrainingOptions
        {
            Trainer = new TrainerSpec("LightGbm"),
            Evaluation = { GroupColumn = "user_id", Strategy = EvaluationStrategy.None },
            Featurizer = { Text = { SentenceEncoder = SentenceEncoderKind.MiniLM } },
        };
        var fixedRun = PresetSettings.Request(QualityPreset.Balanced, options, new SearchBudget { MaxTrials = 4 });

        Assert.IsTrue(fixedRun.TrainerFixed);
        Assert.IsTrue(fixedRun.EncodersChosen, "a sentence encoder chosen by the caller is kept");
        Assert.IsTrue(fixedRun.NoEvaluation);
        Assert.AreEqual("user_id", fixedRun.GroupColumn);
        Assert.AreEqual(4, fixedRun.MaxTrials);
        Assert.IsNull(fixedRun.TimeBudget);
    }

    [TestMethod]
    public void A_searching_plan_gives_its_budget_encoders_and_grouping_to_the_search()
    {
        var plan = new PresetPlan
        {
            Preset = QualityPreset.Best, Search = true, TimeBudget = TimeSpan.FromSeconds(90), Ensemble = true, BudgetReason = "best preset",
            GroupColumn = "image", ShippedEncoders = true,
        };
        var options = new TrainingOptions { Seed = 7, StackingFolds = 3 };
        PresetSettings.Apply(plan, options);
        var search = PresetSettings.Search(plan, options, new SearchBudget { Time = TimeSpan.FromSeconds(5), TrialMemoryLimitBytes = 1L << 30, Tuner = TunerKind.Random });

        Assert.AreEqual(ImageFeaturizerKind.ResNet18, search.Featurizer.Image.Kind);
        Assert.AreEqual(SentenceEncoderKind.MiniLM, search.Featurizer.Text.SentenceEncoder);
        Assert.AreEqual("image", search.Evaluation.GroupColumn);
        Assert.AreEqual(TimeSpan.FromSeconds(90), search.Budget.Time, "the plan's budget wins over the given one");
        Assert.AreEqual(1L << 30, search.Budget.TrialMemoryLimitBytes, "the given caps and tuner are kept");
        Assert.AreEqual(TunerKind.Random, search.Budget.Tuner);
        Assert.AreEqual(7, search.Seed);
        Assert.AreEqual(3, search.StackingFolds);
        Assert.IsTrue(search.Ensemble);
        Assert.IsTrue(search.StartWithBuiltInFeatures, "the encoders the preset adds compete with the fast preset's model");
        Assert.IsFalse(PresetSettings.Search(plan with { ShippedEncoders = false }, new TrainingOptions()).StartWithBuiltInFeatures);

        var fit = plan with { Search = false, BudgetReason = "fast preset: one fit of the default trainer" };
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => PresetSettings.Search(fit, options)).Message, "one fit");
    }
}
