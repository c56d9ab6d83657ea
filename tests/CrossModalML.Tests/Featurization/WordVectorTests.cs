using CrossModalML.AutoML;
using CrossModalML.Data;
using CrossModalML.Featurization;
using CrossModalML.Packaging;
using CrossModalML.Tests.TestSupport;
using CrossModalML.Training;
using Microsoft.ML;
using Microsoft.ML.Data;
using CrossModalML.Retraining;
using CrossModalML.Evaluation;

namespace CrossModalML.Tests.Featurization;

[TestClass]
[DoNotParallelize]
public sealed class WordVectorTests
{
    private static readonly ColumnSchema[] Schema = [new("id", ColumnRole.Id), new("body", ColumnRole.Text), new("mood", ColumnRole.Label)];

    private static readonly string[] Texts =
    [
        "The cat rested on the carpet.",
        "The kitten slept on the rug.",
        "Stock markets fell sharply after the central bank raised interest rates.",
        "",
        "zzqqxv wwkkpq",
        "#Happy",
        "happy",
        "HAPPY!!!",
    ];

    /// <summary>The shared GloVe model and its vocabulary copied into <paramref name="temp"/>, so a test can delete them.</summary>
    private static string GloveCopy(TempDirectory temp)
    {
        var model = RepositoryPaths.SharedOrInconclusive("models", "glove6b-100d-mean", "glove6b-100d-mean-int8.onnx");
        var copy = temp.File("words.onnx");
        File.Copy(model, copy);
        File.Copy(Path.Combine(Path.GetDirectoryName(model)!, "vocab.txt"), temp.File("vocab.txt"));
        return copy;
    }

    private static PostDataset Posts(TempDirectory temp, IReadOnlyList<string> texts) =>
        PostDataset.FromRows(Schema, TaskKind.Auto, [], texts.Select((t, i) => (IReadOnlyDictionary<string, string?>)new Dictionary<string, string?>
        {
            ["id"] = $"p{i}",
            ["body"] = t,
            ["mood"] = i % 2 == 0 ? "up" : "down",
        }).ToList(), temp.Path);

    /// <summary>40 posts alternating an "up" and a "down" text, numbered so each is distinct; returns the file's path.</summary>
    private static string LabelledFile(TempDirectory temp, string up, string down)
    {
        var path = temp.File("posts.tsv");
        File.WriteAllLines(path, ["id\tbody\tmood", .. Enumerable.Range(0, 40).Select(i => i % 2 == 0 ? $"p{i}\t{up} {i}\tup" : $"p{i}\t{down} {i}\tdown")]);
        return path;
    }

    private static FeaturizerOptions TextWithWordVectors(string model) => new()
    {
        Modalities = Modality.Text,
        Text = { UseSocialSignals = false, WordVectors = WordVectorModelOptions.FromModel(model) },
    };

    [TestMethod]
    public void Glove_vectors_place_paraphrases_close_ignore_unknown_words_and_case_and_tags()
    {
        using var temp = new TempDirectory();
        var model = GloveCopy(temp);
        var data = Posts(temp, Texts);
        var pipeline = CrossModalFeaturizer.Build(new MLContext(1), Schema, TextWithWordVectors(model));
        var group = pipeline.Groups.Single(g => g.Name.StartsWith("word vectors", StringComparison.Ordinal));
        var fitted = pipeline.Estimator.Fit(data.DataView);
        var vectors = FeatureVectors.Column(fitted.Transform(data.DataView), group.OutputColumn);

        Assert.AreEqual(Modality.Text, group.Modality);
        Assert.AreEqual(100, vectors[0].Length);
        Assert.AreEqual(new WordVectorModelInfo("words.onnx", pipeline.WordVectorModel!.Sha256, "vocab.txt", pipeline.WordVectorModel.VocabularySha256, "token_ids", "embedding", 100, 341_479), pipeline.WordVectorModel);
        double paraphrase = FeatureVectors.Cosine(vectors[0], vectors[1]), otherTopic = FeatureVectors.Cosine(vectors[0], vectors[2]);
        Assert.IsTrue(paraphrase > 0.85 && paraphrase > otherTopic + 0.1, $"paraphrase cosine {paraphrase:0.000}, other topic {otherTopic:0.000}");
        Assert.IsTrue(vectors[3].All(v => v == 0), "an empty post has no known word: zeros");
        Assert.IsTrue(vectors[4].All(v => v == 0), "a post of unknown words: zeros");
        Assert.IsTrue(vectors[5].Any(v => v != 0));
        CollectionAssert.AreEqual(vectors[6], vectors[5], "a hashtag gives its word");
        CollectionAssert.AreEqual(vectors[6], vectors[7], "case and punctuation do not change the words");
        (fitted as IDisposable)?.Dispose();
    }

    [TestMethod]
    public void A_fitted_featurizer_keeps_the_vectors_and_vocabulary_in_its_zip_and_a_disposed_fit_does_not_break_the_next()
    {
        using var temp = new TempDirectory();
        var model = GloveCopy(temp);
        var data = Posts(temp, Texts);
        var ml = new MLContext(1);
        var pipeline = CrossModalFeaturizer.Build(ml, Schema, TextWithWordVectors(model));
        var column = pipeline.Groups.Single(g => g.Name.StartsWith("word vectors", StringComparison.Ordinal)).OutputColumn;

        // A fold's model is disposed after it is evaluated; the refit of the same chain must still work.
        var fold = pipeline.Estimator.Fit(data.DataView);
        var expected = FeatureVectors.Column(fold.Transform(data.DataView), column);
        (fold as IDisposable)?.Dispose();
        var refit = pipeline.Estimator.Fit(data.DataView);
        CollectionAssert.AreEqual(expected[0], FeatureVectors.Column(refit.Transform(data.DataView), column)[0]);

        var zip = temp.File("featurizer.zip");
        ml.Model.Save(refit, data.DataView.Schema, zip);
        (refit as IDisposable)?.Dispose();
        File.Delete(model);
        File.Delete(temp.File("vocab.txt"));
        var loading = new MLContext(1);
        CrossModalRegistration.Register(loading);
        var loaded = loading.Model.Load(zip, out _);
        var reloaded = FeatureVectors.Column(loaded.Transform(data.DataView), column);
        for (int i = 0; i < expected.Length; i++)
        {
            CollectionAssert.AreEqual(expected[i], reloaded[i], $"post {i}");
        }

        (loaded as IDisposable)?.Dispose();
    }

    [TestMethod]
    public void Training_with_word_vectors_evaluates_on_a_hold_out_then_refits()
    {
        using var temp = new TempDirectory();
        var model = GloveCopy(temp);
        var data = PostDatasetLoader.Load(LabelledFile(temp, "what a wonderful lovely day", "this is awful and terrible"), new PostLoadOptions { LabelColumn = "mood" });
        var options = new TrainingOptions { Featurizer = TextWithWordVectors(model), Evaluation = { Strategy = EvaluationStrategy.HoldOut } };

        var result = new CrossModalTrainer(new MLContext(1)).Train(data, options);

        Assert.IsNotNull(result.Metrics);
        Assert.IsTrue(result.Metrics.Accuracy > 0.9, $"accuracy {result.Metrics.Accuracy}");
        Assert.AreEqual("words.onnx", result.ToManifest(data, options).WordVectorModel?.FileName);
        (result.Model as IDisposable)?.Dispose();
    }

    [TestMethod]
    public void The_cli_trains_with_word_vectors_and_retraining_needs_the_same_model_again()
    {
        using var temp = new TempDirectory();
        var model = GloveCopy(temp);
        var posts = LabelledFile(temp, "such a lovely sunny morning", "grim miserable rainy night");
        var zip = temp.File("model.zip");

        var (exit, error) = CliRunner.Run("train", "--preset", "fast", "--dataset", posts, "--label", "mood", "--word-vectors", model, "--output", zip);
        Assert.AreEqual(0, exit, error);
        var manifest = ModelPackage.ReadManifest(zip);
        Assert.AreEqual("words.onnx", manifest.WordVectorModel?.FileName);
        Assert.IsTrue(manifest.FeatureGroups.Any(g => g.Name.StartsWith("word vectors", StringComparison.Ordinal)));

        var missing = Assert.ThrowsExactly<ArgumentException>(() => ModelRetrainer.Retrain(zip, posts, temp.File("new.zip")));
        StringAssert.Contains(missing.Message, "RetrainingOptions.WordVectorModelPath");
        var retrained = ModelRetrainer.Retrain(zip, posts, temp.File("new.zip"), new RetrainingOptions { WordVectorModelPath = model });
        Assert.AreEqual(manifest.WordVectorModel, retrained.Manifest.WordVectorModel);
    }

    [TestMethod]
    public void Retraining_finds_a_vocabulary_not_named_vocab_txt_by_its_recorded_name_or_the_path_given()
    {
        using var temp = new TempDirectory();
        var model = GloveCopy(temp);
        var vocabulary = temp.File("glove-words.txt");
        File.Move(temp.File("vocab.txt"), vocabulary);
        var posts = LabelledFile(temp, "such a lovely sunny morning", "grim miserable rainy night");
        var zip = temp.File("model.zip");
        var (exit, error) = CliRunner.Run("train", "--preset", "fast", "--dataset", posts, "--label", "mood", "--word-vectors", model, "--word-vectors-vocab", vocabulary, "--output", zip);
        Assert.AreEqual(0, exit, error);
        var manifest = ModelPackage.ReadManifest(zip);
        Assert.AreEqual("glove-words.txt", manifest.WordVectorModel!.VocabularyFileName);

        // Beside the word-vector model under its recorded name: found without being named.
        var retrained = ModelRetrainer.Retrain(zip, posts, temp.File("beside.zip"), new RetrainingOptions { WordVectorModelPath = model });
        Assert.AreEqual(manifest.WordVectorModel, retrained.Manifest.WordVectorModel);

        // Elsewhere under another name: the error names the file, where it looked, and the setting (the flag in the CLI).
        Directory.CreateDirectory(temp.File("lists"));
        var moved = Path.Combine(temp.File("lists"), "words.txt");
        File.Move(vocabulary, moved);
        var missing = Assert.ThrowsExactly<ArgumentException>(() => ModelRetrainer.Retrain(zip, posts, temp.File("missing.zip"), new RetrainingOptions { WordVectorModelPath = model }));
        StringAssert.Contains(missing.Message, "'glove-words.txt'");
        StringAssert.Contains(missing.Message, $"'{vocabulary}' (missing)");
        StringAssert.Contains(missing.Message, "RetrainingOptions.WordVectorVocabularyPath");
        (exit, error) = CliRunner.Run("retrain", "--model", zip, "--dataset", posts, "--word-vectors", model, "--output", temp.File("cli-missing.zip"));
        Assert.AreEqual(1, exit);
        StringAssert.Contains(error, "--word-vectors-vocab");
        Assert.IsFalse(File.Exists(temp.File("cli-missing.zip")));

        (exit, error) = CliRunner.Run("retrain", "--model", zip, "--dataset", posts, "--word-vectors", model, "--word-vectors-vocab", moved, "--output", temp.File("cli.zip"));
        Assert.AreEqual(0, exit, error);
        Assert.AreEqual(manifest.WordVectorModel with { VocabularyFileName = "words.txt" }, ModelPackage.ReadManifest(temp.File("cli.zip")).WordVectorModel, "the same bytes, recorded under the name they now have");

        // A different file given is refused, not used.
        File.WriteAllLines(temp.File("other.txt"), ["[pad]", "sunny", "rainy"]);
        var wrong = Assert.ThrowsExactly<ArgumentException>(() =>
            ModelRetrainer.Retrain(zip, posts, temp.File("wrong.zip"), new RetrainingOptions { WordVectorModelPath = model, WordVectorVocabularyPath = temp.File("other.txt") }));
        StringAssert.Contains(wrong.Message, "a different file");
    }

    [TestMethod]
    public void A_missing_vocabulary_or_a_model_without_the_id_input_is_named_in_the_error()
    {
        using var temp = new TempDirectory();
        var model = GloveCopy(temp);
        File.Delete(temp.File("vocab.txt"));
        var missing = Assert.ThrowsExactly<FileNotFoundException>(() => CrossModalFeaturizer.Build(new MLContext(1), Schema, TextWithWordVectors(model)));
        StringAssert.Contains(missing.Message, temp.File("vocab.txt"));
        StringAssert.Contains(missing.Message, "WordVectorModelOptions.VocabularyPath");

        var image = RepositoryPaths.SharedOrInconclusive("models", "mobilenetv2-12-int8", "mobilenetv2-12-int8-embed-rgb255.onnx");
        var options = TextWithWordVectors(image);
        options.Text.WordVectors!.VocabularyPath = RepositoryPaths.SharedOrInconclusive("models", "glove6b-100d-mean", "vocab.txt");
        var wrong = Assert.ThrowsExactly<ArgumentException>(() => CrossModalFeaturizer.Build(new MLContext(1), Schema, options));
        StringAssert.Contains(wrong.Message, "no int64 input 'token_ids'");
        StringAssert.Contains(wrong.Message, "image (Single)");
    }

    [TestMethod]
    public void The_search_switches_word_vectors_only_when_the_user_gave_them()
    {
        var columns = new List<ColumnSchema>(Schema);
        var plain = new FeaturizerOptions { Modalities = Modality.Text };
        var withVectors = new FeaturizerOptions { Modalities = Modality.Text, Text = { WordVectors = WordVectorModelOptions.FromModel("words.onnx") } };

        Assert.IsFalse(SearchSpaceCatalog.For(TaskKind.Binary, 100, columns, plain).Featurizer.Any(d => d.Name == FeaturizerChoice.WordVectorsName));
        var dimension = SearchSpaceCatalog.For(TaskKind.Binary, 100, columns, withVectors).Featurizer.Single(d => d.Name == FeaturizerChoice.WordVectorsName);
        Assert.AreEqual(SearchSpaceCatalog.StartWithWordVectors ? 1 : 0, dimension.Start);

        var off = FeaturizerChoice.FromDimensions(new Dictionary<string, double> { [FeaturizerChoice.WordVectorsName] = 0 }, withVectors);
        var on = FeaturizerChoice.FromDimensions(new Dictionary<string, double> { [FeaturizerChoice.WordVectorsName] = 1 }, withVectors);
        Assert.IsNull(off.Apply(withVectors).Text.WordVectors);
        Assert.AreEqual("words.onnx", on.Apply(withVectors).Text.WordVectors?.ModelPath);
        Assert.IsFalse(FeaturizerChoice.FromDimensions(new Dictionary<string, double> { [FeaturizerChoice.WordVectorsName] = 1 }, plain).UseWordVectors);
        var error = Assert.ThrowsExactly<ArgumentException>(() => on.Apply(plain));
        StringAssert.Contains(error.Message, "FeaturizerOptions.Text.WordVectors");
    }
}
