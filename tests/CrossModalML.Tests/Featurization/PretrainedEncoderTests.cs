using CrossModalML.AutoML;
using CrossModalML.Data;
using CrossModalML.Evaluation;
using CrossModalML.Featurization;
using CrossModalML.Featurization.Encoders;
using CrossModalML.Packaging;
using CrossModalML.Tests.TestSupport;
using CrossModalML.Training;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace CrossModalML.Tests.Featurization;

[TestClass]
[DoNotParallelize]
public sealed class PretrainedEncoderTests
{
    private static readonly ColumnSchema[] ImageSchema = [new("id", ColumnRole.Id), new("picture", ColumnRole.Image), new("mood", ColumnRole.Label)];

    private static string DemoImage(int number) => Path.Combine(Path.GetDirectoryName(RepositoryPaths.DemoPosts)!, "images", $"{number:00000}.png");

    private static EncoderCacheOptions CacheIn(TempDirectory temp) => new() { Directory = temp.File("cache") };

    // ArcticXs, trained for retrieval, places every pair of English sentences closer than MiniLM does (0.71 for these
    // topics against MiniLM's near 0), so its margin is smaller; the order is what a classifier relies on.
    [TestMethod]
    [DataRow("MiniLM", 0.3)]
    [DataRow("ArcticXs", 0.15)]
    public void Each_sentence_encoder_gives_unit_vectors_of_384_values_that_repeat_exactly_and_place_paraphrases_closer_than_other_topics(
        string name, double margin)
    {
        var encoder = (SentenceTransformerEncoder)PretrainedEncoders.Find(name)!;
        string[] texts =
        [
            "The cat rested on the carpet.",
            "A kitten was sleeping on the rug.",
            "Stock markets fell sharply after the central bank raised interest rates.",
            "",
        ];

        var first = encoder.Encode(texts);
        var second = encoder.Encode(texts.Reverse().ToArray()).Reverse().ToArray();

        Assert.IsTrue(first.All(v => v.Length == 384));
        Assert.IsTrue(first.All(v => Math.Abs(Math.Sqrt(v.Sum(x => (double)x * x)) - 1) < 1e-4), "every embedding has unit length");
        for (int i = 0; i < texts.Length; i++)
        {
            CollectionAssert.AreEqual(first[i], second[i], $"text {i} encodes the same in another batch order");
        }

        double paraphrase = FeatureVectors.Cosine(first[0], first[1]), otherTopic = FeatureVectors.Cosine(first[0], first[2]);
        Assert.IsTrue(paraphrase > otherTopic + margin, $"paraphrase cosine {paraphrase:0.000}, other topic {otherTopic:0.000}");
        Assert.AreEqual(SentenceTransformerEncoder.MaxTokens, encoder.Tokenize(string.Join(' ', Enumerable.Repeat("word", 500))).Count, "long texts are cut at the token limit");
    }

    [TestMethod]
    [DataRow(SentenceEncoderKind.MiniLM, "MiniLM")]
    [DataRow(SentenceEncoderKind.ArcticXs, "ArcticXs")]
    public void Each_sentence_encoder_block_of_a_featurizer_is_the_encoder_output_and_is_recorded_by_name_and_hash(SentenceEncoderKind kind, string name)
    {
        using var temp = new TempDirectory();
        var schema = TextPosts.Schema;
        string[] texts = ["what a lovely day", "this is terrible news"];
        var data = TextPosts.Create(texts, temp.Path);
        var options = new FeaturizerOptions { Modalities = Modality.Text, Text = { SentenceEncoder = kind }, EncoderCache = CacheIn(temp) };

        var pipeline = CrossModalFeaturizer.Build(new MLContext(1), schema, options);
        var group = pipeline.Groups.Single(g => g.Name.StartsWith($"sentence embedding {name}", StringComparison.Ordinal));
        var vectors = FeatureVectors.Column(pipeline.Estimator.Fit(data.DataView).Transform(data.DataView), group.OutputColumn);

        var encoder = PretrainedEncoders.Find(name)!;
        var direct = encoder.Encode(texts);
        CollectionAssert.AreEqual(direct[0], vectors[0]);
        CollectionAssert.AreEqual(direct[1], vectors[1]);
        Assert.AreEqual(encoder.Info, pipeline.Encoders.Single());
        Assert.AreEqual((384, 64), (encoder.Info.Dimensions, encoder.Info.Sha256.Length));
    }

    [TestMethod]
    [DataRow(true)]
    [DataRow(false)]
    public void The_sentence_encoder_reads_the_post_as_plain_prose_unless_told_not_to_while_the_ngrams_keep_the_text_as_written(bool clean)
    {
        using var temp = new TempDirectory();
        var schema = TextPosts.Schema;
        string[] texts = ["RT @bob_1: What a lovely day at the #BeachParty https://t.co/abc", "this is terrible news"];
        var data = TextPosts.Create(texts, temp.Path);
        var options = new FeaturizerOptions
        {
            Modalities = Modality.Text,
            Text = { SentenceEncoder = SentenceEncoderKind.MiniLM, CleanSentenceText = clean },
            EncoderCache = CacheIn(temp),
        };

        var pipeline = CrossModalFeaturizer.Build(new MLContext(1), schema, options);
        var output = pipeline.Estimator.Fit(data.DataView).Transform(data.DataView);
        var sentence = FeatureVectors.Column(output, pipeline.Groups.Single(g => g.Name.StartsWith("sentence embedding", StringComparison.Ordinal)).OutputColumn);

        var expected = SentenceTransformerEncoder.MiniLM.Encode([clean ? "What a lovely day at the Beach Party" : texts[0]]);
        CollectionAssert.AreEqual(expected[0], sentence[0]);

        // The n-grams are the same either way: they see the text as written.
        var other = CrossModalFeaturizer.Build(new MLContext(1), schema, new FeaturizerOptions
        {
            Modalities = Modality.Text,
            Text = { SentenceEncoder = SentenceEncoderKind.MiniLM, CleanSentenceText = !clean },
            EncoderCache = CacheIn(temp),
        });
        string NGrams(FeaturizationPipeline p) => p.Groups.Single(g => g.Name.StartsWith("text n-grams", StringComparison.Ordinal)).OutputColumn;
        var otherOutput = other.Estimator.Fit(data.DataView).Transform(data.DataView);
        CollectionAssert.AreEqual(FeatureVectors.Column(output, NGrams(pipeline))[0], FeatureVectors.Column(otherOutput, NGrams(other))[0]);
        CollectionAssert.AreNotEqual(sentence[0], FeatureVectors.Column(otherOutput, other.Groups.Single(g => g.Name.StartsWith("sentence embedding", StringComparison.Ordinal)).OutputColumn)[0]);
    }

    [TestMethod]
    public void ResNet18_gives_512_values_per_image_the_same_each_fit_and_zeros_with_the_missing_flag_without_an_image()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("not-an-image.png"), "plain text");
        string[] paths = [DemoImage(1), DemoImage(2), string.Empty, temp.File("not-an-image.png")];
        var data = PostDataset.FromRows(ImageSchema, TaskKind.Auto, [], paths.Select((p, i) => (IReadOnlyDictionary<string, string?>)new Dictionary<string, string?>
        {
            ["id"] = $"p{i}",
            ["picture"] = p,
            ["mood"] = i % 2 == 0 ? "up" : "down",
        }).ToList(), temp.Path);
        var options = new FeaturizerOptions { Modalities = Modality.Image, Image = { Kind = ImageFeaturizerKind.ResNet18 }, EncoderCache = CacheIn(temp) };

        var pipeline = CrossModalFeaturizer.Build(new MLContext(1), ImageSchema, options);
        var features = pipeline.Groups.Single(g => g.Name.StartsWith("image embedding ResNet18", StringComparison.Ordinal)).OutputColumn;
        var missing = pipeline.Groups.Single(g => g.Name.StartsWith("image missing", StringComparison.Ordinal)).OutputColumn;
        var output = pipeline.Estimator.Fit(data.DataView).Transform(data.DataView);
        var vectors = FeatureVectors.Column(output, features);
        var flags = output.GetColumn<float>(missing).ToArray();
        var again = FeatureVectors.Column(CrossModalFeaturizer.Build(new MLContext(1), ImageSchema, options).Estimator.Fit(data.DataView).Transform(data.DataView), features);

        Assert.IsTrue(vectors.All(v => v.Length == 512));
        Assert.IsTrue(vectors[0].Any(v => v > 0) && vectors[0].All(v => v >= 0), "a pooled ReLU layer: non-negative, not all zero");
        Assert.IsTrue(FeatureVectors.Cosine(vectors[0], vectors[1]) < 0.999, "two different images differ");
        Assert.IsTrue(vectors[2].All(v => v == 0) && vectors[3].All(v => v == 0), "no image or an undecodable file: zeros");
        CollectionAssert.AreEqual(new[] { 0f, 0f, 1f, 1f }, flags);
        CollectionAssert.AreEqual(ResNet18Encoder.Instance.Encode([DemoImage(1)])[0], vectors[0], "the block is the encoder's output");
        for (int i = 0; i < paths.Length; i++)
        {
            CollectionAssert.AreEqual(vectors[i], again[i], $"post {i} encodes the same in another fit");
        }
    }

    [TestMethod]
    public void ResNet18_encodes_images_side_by_side_exactly_as_one_at_a_time_and_keeps_their_order()
    {
        var paths = Enumerable.Range(1, 12).Select(DemoImage).Append(string.Empty).ToList();

        var together = ResNet18Encoder.Instance.Encode(paths);

        Assert.AreEqual(paths.Count, together.Length);
        for (int i = 0; i < paths.Count; i++)
        {
            CollectionAssert.AreEqual(ResNet18Encoder.Instance.Encode([paths[i]])[0], together[i], $"image {i}: the parallel lanes give the single-image vector, in input order");
        }

        Assert.IsTrue(together[^1].All(v => v == 0), "no image: zeros");
    }

    [TestMethod]
    public void The_cache_is_hit_on_the_second_run_and_missed_when_an_image_file_changes()
    {
        using var temp = new TempDirectory();
        var paths = Enumerable.Range(1, 3).Select(n =>
        {
            var copy = temp.File($"{n}.png");
            File.Copy(DemoImage(n), copy);
            return copy;
        }).ToList();
        var options = CacheIn(temp);

        var first = new EncoderLookup(ResNet18Encoder.Instance, options);
        first.Prefetch(paths);
        var second = new EncoderLookup(ResNet18Encoder.Instance, options);
        second.Prefetch(paths);
        File.Copy(DemoImage(4), paths[1], overwrite: true);
        var third = new EncoderLookup(ResNet18Encoder.Instance, options);
        third.Prefetch(paths);

        Assert.AreEqual((3L, 3L), (first.Encoded, first.Cache!.Writes));
        Assert.AreEqual((0L, 3L), (second.Encoded, second.Cache!.Hits), "a second run encodes nothing");
        CollectionAssert.AreEqual(first.Get(paths[2]), second.Get(paths[2]));
        Assert.AreEqual((1L, 2L), (third.Encoded, third.Cache!.Hits), "only the changed image is encoded again");
        CollectionAssert.AreEqual(ResNet18Encoder.Instance.Encode([DemoImage(4)])[0], third.Get(paths[1]));
    }

    [TestMethod]
    public void A_corrupt_cache_entry_is_deleted_and_encoded_again_and_a_disabled_cache_writes_nothing()
    {
        using var temp = new TempDirectory();
        var options = CacheIn(temp);
        var text = "the same words twice";
        var expected = new EncoderLookup(SentenceTransformerEncoder.MiniLM, options).Get(text);
        var entry = Directory.GetFiles(options.Directory, "*.vec", SearchOption.AllDirectories).Single();
        var bytes = File.ReadAllBytes(entry);
        bytes[100] ^= 0xFF;
        File.WriteAllBytes(entry, bytes);

        var lookup = new EncoderLookup(SentenceTransformerEncoder.MiniLM, options);
        var recovered = lookup.Get(text);

        CollectionAssert.AreEqual(expected, recovered);
        Assert.AreEqual((1L, 1L, 1L), (lookup.Cache!.Corrupt, lookup.Encoded, lookup.Cache.Writes));
        CollectionAssert.AreEqual(expected, new EncoderLookup(SentenceTransformerEncoder.MiniLM, options).Get(text), "the rewritten entry reads back");

        var off = new EncoderLookup(SentenceTransformerEncoder.MiniLM, new EncoderCacheOptions { Enabled = false, Directory = temp.File("unused") });
        CollectionAssert.AreEqual(expected, off.Get(text));
        Assert.IsNull(off.Cache);
        Assert.IsFalse(Directory.Exists(temp.File("unused")));
    }

    [TestMethod]
    public void A_model_trained_with_both_encoders_predicts_the_same_after_the_cache_is_deleted_and_retrains_without_file_flags()
    {
        using var temp = new TempDirectory();
        var rows = File.ReadLines(RepositoryPaths.DemoPosts).Skip(1).Take(24).Select(l => l.Split('\t'))
            .Select(c => $"{c[0]}\t{c[1]}\t{Path.Combine(Path.GetDirectoryName(RepositoryPaths.DemoPosts)!, c[2])}\t{c[7]}");
        var posts = temp.File("posts.tsv");
        File.WriteAllLines(posts, ["id\ttext\timage\tsentiment", .. rows]);
        var zip = temp.File("model.zip");

        var (exit, error) = CliRunner.Run(
            "train", "--preset", "fast", "--dataset", posts, "--label", "sentiment", "--text-encoder", "minilm", "--image-encoder", "resnet18", "--evaluation", "None", "--output", zip);
        Assert.AreEqual(0, exit, error);
        var manifest = ModelPackage.ReadManifest(zip);
        CollectionAssert.AreEqual(new[] { "MiniLM", "ResNet18" }, manifest.Encoders!.Select(e => e.Name).ToArray());
        Assert.AreEqual(ImageFeaturizerKind.ResNet18, manifest.Featurizer.Image.Kind);
        Assert.AreEqual(SentenceEncoderKind.MiniLM, manifest.Featurizer.Text.SentenceEncoder);

        EncoderCacheSetup.AssertPredictsTheSameAfterTheCacheIsDeleted(zip, posts, temp);
        Assert.IsTrue(Directory.EnumerateFiles(EncoderCacheSetup.Directory, "*.vec", SearchOption.AllDirectories).Any(), "scoring refills the cache");

        var (retrainExit, retrainError) = CliRunner.Run("retrain", "--model", zip, "--dataset", posts, "--output", temp.File("retrained.zip"), "--no-cache");
        Assert.AreEqual(0, retrainExit, retrainError);
        CollectionAssert.AreEqual(manifest.Encoders!.ToArray(), ModelPackage.ReadManifest(temp.File("retrained.zip")).Encoders!.ToArray());
    }

    [TestMethod]
    public void A_loaded_model_encodes_new_posts_in_batches_before_scoring_and_scores_them_as_one_at_a_time_does()
    {
        using var temp = new TempDirectory();
        var rows = File.ReadLines(RepositoryPaths.DemoPosts).Skip(1).Take(40).Select(l => l.Split('\t'))
            .Select(c => $"{c[0]}\t{c[1]}\t{Path.Combine(Path.GetDirectoryName(RepositoryPaths.DemoPosts)!, c[2])}\t{c[7]}").ToList();
        var train = temp.File("train.tsv");
        var fresh = temp.File("new.tsv");
        File.WriteAllLines(train, ["id\ttext\timage\tsentiment", .. rows.Take(24)]);
        File.WriteAllLines(fresh, ["id\ttext\timage\tsentiment", .. rows.Skip(24)]);
        var zip = temp.File("model.zip");
        var (exit, error) = CliRunner.Run(
            "train", "--preset", "fast", "--dataset", train, "--label", "sentiment", "--text-encoder", "minilm", "--image-encoder", "resnet18", "--evaluation", "None", "--output", zip);
        Assert.AreEqual(0, exit, error);

        var ml = new MLContext(1);
        CrossModalRegistration.Register(ml);
        var model = ml.Model.Load(zip, out _);
        var manifest = ModelPackage.ReadManifest(zip);
        var posts = PostDatasetLoader.LoadForScoring(fresh, manifest.Columns, manifest.Task, manifest.ClassLabels, requireLabel: false, options: null);
        var minilm = EncoderLookup.ForLoadedModels(SentenceTransformerEncoder.MiniLM);
        var resnet = EncoderLookup.ForLoadedModels(ResNet18Encoder.Instance);

        ClearCache();
        var oneAtATime = ScoredOutput.ReadProbabilities(model.Transform(posts.DataView), manifest.Task, manifest.ClassLabels.Count);

        ClearCache();
        LoadedModelEncoding.Warm(model, posts.DataView);
        int distinctTexts = posts.GetColumnValues("text").Select(SentenceTransformerEncoder.MiniLM.ContentKey).OfType<string>().Distinct(StringComparer.Ordinal).Count();
        int distinctImages = posts.GetColumnValues("image").Select(ResNet18Encoder.Instance.ContentKey).OfType<string>().Distinct(StringComparer.Ordinal).Count();
        Assert.IsTrue(distinctTexts >= 14 && distinctImages >= 14, $"{distinctTexts} texts and {distinctImages} images to encode");
        Assert.AreEqual(distinctTexts + distinctImages, Directory.EnumerateFiles(EncoderCacheSetup.Directory, "*.vec", SearchOption.AllDirectories).Count(), "every text and image is encoded ahead");
        long encodedBefore = minilm.Encoded + resnet.Encoded;
        var batched = ScoredOutput.ReadProbabilities(model.Transform(posts.DataView), manifest.Task, manifest.ClassLabels.Count);

        Assert.AreEqual(encodedBefore, minilm.Encoded + resnet.Encoded, "scoring after the warm-up runs no network");
        for (int i = 0; i < oneAtATime.Count; i++)
        {
            for (int k = 0; k < oneAtATime[i].Length; k++)
            {
                Assert.AreEqual(oneAtATime[i][k], batched[i][k], 1e-5, $"post {i}, class {k}");
            }
        }
    }

    private static void ClearCache()
    {
        if (Directory.Exists(EncoderCacheSetup.Directory))
        {
            Directory.Delete(EncoderCacheSetup.Directory, recursive: true);
        }
    }

    [TestMethod]
    public void A_model_naming_an_encoder_with_another_hash_is_refused_with_both_hashes()
    {
        using var temp = new TempDirectory();
        var shipped = SentenceTransformerEncoder.MiniLM.Info;
        var error = Assert.ThrowsExactly<ModelPackageException>(() => ModelPackage.CheckEncoders(temp.File("m.zip"), "0.0.1", [shipped with { Sha256 = new string('a', 64) }]));
        StringAssert.Contains(error.Message, new string('a', 64));
        StringAssert.Contains(error.Message, shipped.Sha256);
        ModelPackage.CheckEncoders(temp.File("m.zip"), "0.0.1", [shipped]);
    }

    [TestMethod]
    public void The_search_switches_each_encoder_off_or_on_only_when_the_user_chose_it()
    {
        List<ColumnSchema> columns = [new("id", ColumnRole.Id), new("body", ColumnRole.Text), new("picture", ColumnRole.Image), new("mood", ColumnRole.Label)];
        var plain = new FeaturizerOptions();
        var chosen = new FeaturizerOptions { Text = { SentenceEncoder = SentenceEncoderKind.MiniLM }, Image = { Kind = ImageFeaturizerKind.ResNet18 } };
        string[] names = [FeaturizerChoice.SentenceEncoderName, FeaturizerChoice.ResNet18ImageFeaturesName];

        Assert.IsFalse(SearchSpaceCatalog.For(TaskKind.Binary, 100, columns, plain).Featurizer.Any(d => names.Contains(d.Name)));
        var dimensions = SearchSpaceCatalog.For(TaskKind.Binary, 100, columns, chosen).Featurizer.Where(d => names.Contains(d.Name)).ToList();
        Assert.AreEqual(2, dimensions.Count);
        Assert.IsTrue(dimensions.All(d => d.Start == 1), "the search starts from the user's choice");

        var off = FeaturizerChoice.FromDimensions(names.ToDictionary(n => n, _ => 0.0), chosen).Apply(chosen);
        var on = FeaturizerChoice.FromDimensions(names.ToDictionary(n => n, _ => 1.0), chosen).Apply(chosen);
        Assert.AreEqual((SentenceEncoderKind.None, ImageFeaturizerKind.BuiltIn), (off.Text.SentenceEncoder, off.Image.Kind));
        Assert.AreEqual((SentenceEncoderKind.MiniLM, ImageFeaturizerKind.ResNet18), (on.Text.SentenceEncoder, on.Image.Kind));
        Assert.AreEqual(FeaturizerChoice.From(chosen), FeaturizerChoice.FromDimensions(new Dictionary<string, double>(), chosen));
    }
}
