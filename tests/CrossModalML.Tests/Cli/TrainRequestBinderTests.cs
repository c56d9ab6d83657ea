using CrossModalML.Cli.Commands.Train;
using CrossModalML.Data;
using CrossModalML.Evaluation;
using CrossModalML.Featurization;
using CrossModalML.Packaging;
using CrossModalML.AutoML;

namespace CrossModalML.Tests.Cli;

/// <summary>The train binder on its own: flags in, a checked <see cref="TrainRequest"/> out, and no file read. The data
/// set named here does not exist, so any request that binds proves the checks ran before loading.</summary>
[TestClass]
public sealed class TrainRequestBinderTests
{
    private const string MissingPosts = "/no/such/folder/posts.tsv";

    private static TrainRequest Bind(params string[] flags)
    {
        var trainFlags = new TrainFlags();
        var parsed = TrainCommand.Create(trainFlags).Parse(["--dataset", MissingPosts, "--output", "model.zip", .. flags]);
        Assert.AreEqual(0, parsed.Errors.Count, string.Join("; ", parsed.Errors.Select(e => e.Message)));
        return new TrainRequestBinder(trainFlags).Bind(parsed);
    }

    private static string BindError(params string[] flags) => Assert.ThrowsExactly<ArgumentException>(() => Bind(flags)).Message;

    [TestMethod]
    public void Only_the_required_flags_give_the_documented_defaults()
    {
        var request = Bind("--label", "sentiment");

        Assert.AreEqual(Path.GetFullPath(MissingPosts), request.Dataset.FullName);
        CollectionAssert.AreEqual(new[] { "sentiment" }, request.Labels.ToArray());
        Assert.IsFalse(request.IsMultiTask);
        Assert.AreEqual("sentiment", request.MainTask);
        Assert.AreEqual("sentiment", request.Load.LabelColumn);
        Assert.AreEqual(TaskKind.Auto, request.Load.Task);
        Assert.AreEqual(0, request.Load.RoleOverrides.Count);
        var training = request.Training;
        Assert.IsNull(training.Trainer);
        Assert.AreEqual(1, training.Seed);
        Assert.AreEqual(EvaluationStrategy.Auto, training.Evaluation.Strategy);
        Assert.AreEqual(5, training.Evaluation.Folds);
        Assert.AreEqual(0.2, training.Evaluation.TestFraction);
        Assert.IsNull(training.Evaluation.GroupColumn);
        Assert.AreEqual(FusionKind.Early, training.Fusion);
        Assert.AreEqual(5, training.StackingFolds);
        Assert.AreEqual(ClassificationObjective.MacroF1, training.Objective);
        Assert.AreEqual(Modality.All, request.Featurizer.Modalities);
        Assert.AreEqual(QualityPreset.Balanced, request.Preset);
        Assert.IsFalse(request.EncodersChosen);
        Assert.IsFalse(request.NoGrouping);
        Assert.AreEqual(StackingMode.Auto, request.Stacking);
        Assert.IsNull(request.Report);
        Assert.AreEqual(new SearchFlags(new SearchBudget { TrialTimeLimit = TimeSpan.FromSeconds(120) }, Ensemble: false), request.Search);
        Assert.IsFalse(request.Search.Explicit);
    }

    [TestMethod]
    public void Min_lead_se_is_bound_as_given()
    {
        Assert.AreEqual(0, Bind("--label", "sentiment", "--min-lead-se", "0").Search.MinimumLeadStandardErrors);
        Assert.AreEqual(3.5, Bind("--label", "sentiment", "--min-lead-se", "3.5").Search.MinimumLeadStandardErrors);
        Assert.IsNull(Bind("--label", "sentiment").Search.MinimumLeadStandardErrors, "absent, the library's defaults stay");
    }

    [TestMethod]
    public void Search_flags_become_a_budget_in_time_spans_and_bytes()
    {
        var request = Bind("--label", "sentiment", "--time", "90", "--trial-time", "30", "--memory-limit", "512", "--trial-memory", "64",
            "--metric", "accuracy", "--tuner", "random", "--ensemble");

        var budget = new SearchBudget
        {
            Time = TimeSpan.FromSeconds(90),
            TrialTimeLimit = TimeSpan.FromSeconds(30),
            MemoryLimitBytes = 512L * 1024 * 1024,
            TrialMemoryLimitBytes = 64L * 1024 * 1024,
            Metric = AutoMLMetric.Accuracy,
            Tuner = TunerKind.Random,
        };
        Assert.AreEqual(new SearchFlags(budget, Ensemble: true), request.Search);
        Assert.IsTrue(request.Search.Explicit);
        Assert.AreEqual(ClassificationObjective.Accuracy, request.Training.Objective, "--metric accuracy is also a single fit's objective");
    }

    [TestMethod]
    public void Role_flags_split_on_commas_and_the_last_role_given_for_a_column_wins()
    {
        var request = Bind("--label", "sentiment", "--text", "text,caption", "--numeric", "likes", "--ignore", "caption");

        Assert.AreEqual(ColumnRole.Text, request.Load.RoleOverrides["text"]);
        Assert.AreEqual(ColumnRole.Numeric, request.Load.RoleOverrides["likes"]);
        Assert.AreEqual(ColumnRole.Ignore, request.Load.RoleOverrides["caption"]);
    }

    [TestMethod]
    public void Several_labels_load_the_main_task_and_keep_the_other_labels_out_of_the_features()
    {
        var request = Bind("--label", "sentiment,topic,likes", "--main-task", "topic", "--trainer", "FastTree");

        Assert.IsTrue(request.IsMultiTask);
        Assert.AreEqual("topic", request.MainTask);
        Assert.AreEqual("topic", request.Load.LabelColumn);
        Assert.AreEqual(ColumnRole.Ignore, request.Load.RoleOverrides["sentiment"]);
        Assert.AreEqual(ColumnRole.Ignore, request.Load.RoleOverrides["likes"]);
        Assert.IsFalse(request.Load.RoleOverrides.ContainsKey("topic"));
        Assert.AreEqual("FastTree", request.TrainerName);
    }

    [TestMethod]
    public void Group_by_names_the_group_column_and_none_turns_grouping_off()
    {
        Assert.AreEqual("user_id", Bind("--label", "sentiment", "--group-by", "user_id").Training.Evaluation.GroupColumn);

        var none = Bind("--label", "sentiment", "--group-by", "None");
        Assert.IsNull(none.Training.Evaluation.GroupColumn);
        Assert.IsTrue(none.NoGrouping);
    }

    [TestMethod]
    public void Modalities_and_encoder_flags_shape_the_featurizer()
    {
        var request = Bind("--label", "sentiment", "--modalities", "text,meta", "--image-encoder", "resnet18", "--text-encoder", "minilm", "--no-cache");

        Assert.AreEqual(Modality.Text | Modality.Metadata, request.Featurizer.Modalities);
        Assert.AreEqual(ImageFeaturizerKind.ResNet18, request.Featurizer.Image.Kind);
        Assert.AreEqual(SentenceEncoderKind.MiniLM, request.Featurizer.Text.SentenceEncoder);
        Assert.IsFalse(request.Featurizer.EncoderCache!.Enabled);
        Assert.IsTrue(request.EncodersChosen, "a chosen encoder keeps the preset's hands off the encoders");
        Assert.AreEqual(SentenceEncoderKind.ArcticXs, Bind("--label", "sentiment", "--text-encoder", "arcticxs").Featurizer.Text.SentenceEncoder);
    }

    [TestMethod]
    [DataRow("--folds", "1", "--folds must be at least 2, got 1.")]
    [DataRow("--test-fraction", "1.5", "--test-fraction must be between 0 and 1 (exclusive), e.g. 0.2; got 1.5.")]
    [DataRow("--time", "0", "--time must be positive, got 0.")]
    [DataRow("--time", "NaN", "--time must be positive, got NaN.")]
    [DataRow("--trial-time", "-1", "--trial-time must be positive, got -1.")]
    [DataRow("--max-trials", "0", "--max-trials must be at least 1, got 0.")]
    [DataRow("--memory-limit", "0", "--memory-limit must be at least 1, got 0.")]
    [DataRow("--trial-memory", "0", "--trial-memory must be at least 1, got 0.")]
    [DataRow("--image-size", "0", "--image-size must be at least 1, got 0.")]
    [DataRow("--modalities", "sound", "Unknown modality 'sound'. Valid: text, image, metadata, all.")]
    public void A_bad_value_fails_naming_its_flag(string flag, string value, string message)
    {
        Assert.AreEqual(message, BindError("--label", "sentiment", flag, value));
    }

    [TestMethod]
    public void The_first_bad_flag_in_check_order_is_the_one_reported()
    {
        Assert.AreEqual("--time must be positive, got 0.", BindError("--label", "sentiment", "--folds", "1", "--time", "0"));
    }

    [TestMethod]
    [DataRow("--trainer FastTree --max-trials 2", "--trainer fixes the trainer")]
    [DataRow("--over-sample --time 5", "--over-sample applies to single fits")]
    [DataRow("--word-vectors-vocab vocab.txt", "give the model too (--word-vectors)")]
    [DataRow("--image-encoder resnet18 --image-model model.onnx", "--image-encoder resnet18 and --image-model both choose the image encoder")]
    public void Conflicting_flags_fail_before_any_data_is_read(string flags, string message)
    {
        using var temp = new TestSupport.TempDirectory();
        // --image-model must name a file that exists to reach the conflict check.
        var args = flags.Split(' ').Select(a => a == "model.onnx" ? temp.File("model.onnx") : a).ToArray();
        File.WriteAllBytes(temp.File("model.onnx"), []);

        StringAssert.Contains(BindError(["--label", "sentiment", .. args]), message);
    }

    [TestMethod]
    [DataRow("--test-dataset test.tsv", "--test-dataset is not supported with several labels yet")]
    [DataRow("--fusion late", "apply to single-label models")]
    [DataRow("--tune-threshold", "apply to single-label models")]
    [DataRow("--main-task likes", "--main-task 'likes' is not one of --label sentiment,topic.")]
    public void Several_labels_refuse_single_label_flags(string flags, string message)
    {
        StringAssert.Contains(BindError(["--label", "sentiment,topic", .. flags.Split(' ')]), message);
    }

    [TestMethod]
    public void A_missing_image_model_fails_with_its_path()
    {
        var ex = Assert.ThrowsExactly<FileNotFoundException>(() => Bind("--label", "sentiment", "--image-model", "/no/such/encoder.onnx"));
        StringAssert.Contains(ex.Message, "/no/such/encoder.onnx");
    }

    [TestMethod]
    public void Head_modalities_give_each_named_task_its_modalities()
    {
        var request = Bind("--label", "label,text_label,image_label", "--head-modalities", "text_label=text,image_label=Image,label=text+image");

        Assert.AreEqual(3, request.HeadModalities.Count);
        Assert.AreEqual(Modality.Text, request.HeadModalities["text_label"]);
        Assert.AreEqual(Modality.Image, request.HeadModalities["image_label"]);
        Assert.AreEqual(Modality.Text | Modality.Image, request.HeadModalities["label"]);
        Assert.AreEqual(0, Bind("--label", "label,text_label").HeadModalities.Count, "without the flag every head reads every modality");
    }

    [TestMethod]
    [DataRow("sentiment", "sentiment=text", "", "--head-modalities sets the modalities of a multi-task model's heads; give several --label columns.")]
    [DataRow("a,b", "a:text", "", "--head-modalities takes TASK=MODALITY entries separated by commas, several modalities joined with + (e.g. text_label=text,label=text+image); got 'a:text'.")]
    [DataRow("a,b", "c=text", "", "--head-modalities names the task 'c', which is not one of --label a,b.")]
    [DataRow("a,b", "a=text,a=image", "", "--head-modalities names the task 'a' twice; give each task once, modalities joined with + (e.g. a=text+image).")]
    [DataRow("a,b", "a=sound", "", "Unknown modality 'sound'. Valid: text, image, metadata, all.")]
    [DataRow("a,b", "a=image", "text", "--head-modalities gives the task 'a' image, which --modalities leaves out (text).")]
    [DataRow("a,b", "a=all", "text,image", "--head-modalities gives the task 'a' metadata, which --modalities leaves out (text+image).")]
    public void Bad_head_modalities_fail_before_loading_with_a_message_naming_the_flag(string labels, string value, string modalities, string message)
    {
        string[] flags = ["--label", labels, "--head-modalities", value];
        Assert.AreEqual(message, BindError(modalities.Length == 0 ? flags : [.. flags, "--modalities", modalities]));
    }
}
