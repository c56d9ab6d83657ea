using CrossModalML.Featurization.Text;

namespace CrossModalML.Tests.Featurization;

[TestClass]
public sealed class SocialSignalsTests
{
    [TestMethod]
    public void Counts_hashtags_mentions_urls_emoji_emoticons_and_shouting()
    {
        var values = new float[SocialSignals.Length];
        const string text = "LOVING it!!! #sun #beach @bob http://x.co 😊 :)";
        SocialSignals.Compute(text, values);

        Assert.AreEqual(2, values[0], "hashtags");
        Assert.AreEqual(1, values[1], "mentions");
        Assert.AreEqual(1, values[2], "urls");
        Assert.AreEqual(1, values[3], "emoji");
        Assert.AreEqual(1, values[4], "emoticons");
        Assert.AreEqual(3f / text.Length, values[5], 1e-6f, "exclamation marks per character");
        int letters = text.Count(char.IsLetter), upper = text.Count(char.IsUpper);
        Assert.AreEqual((float)upper / letters, values[6], 1e-6f, "upper-case share");
        Assert.AreEqual(MathF.Log(1 + 8), values[8], 1e-6f, "eight whitespace-separated words");
        Assert.AreEqual(0, values[9], "not missing");
    }

    [TestMethod]
    public void A_hash_or_at_inside_a_word_or_alone_is_not_a_tag()
    {
        var values = new float[SocialSignals.Length];
        SocialSignals.Compute("mail me at bob@example.com, C# is # fun", values);
        Assert.AreEqual(0, values[0]);
        Assert.AreEqual(0, values[1]);
    }

    [TestMethod]
    public void Empty_text_sets_only_the_missing_flag()
    {
        var values = Enumerable.Repeat(5f, SocialSignals.Length).ToArray();
        SocialSignals.Compute("   ", values);
        CollectionAssert.AreEqual(new float[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 }, values);
    }
}
