using CrossModalML.Featurization.Text;

namespace CrossModalML.Tests.Featurization;

[TestClass]
public sealed class TextScrubberTests
{
    [TestMethod]
    public void Emails_urls_phones_and_mentions_become_tokens()
    {
        var scrubbed = TextScrubber.Scrub("Mail jane.doe@example.org or call +44 20 7946 0958, see https://x.co/a?b=1 cc @bob_99 #news");
        Assert.AreEqual("Mail <email> or call <phone>, see <url> cc <user> #news", scrubbed);
    }

    [TestMethod]
    public void Ordinary_numbers_hashtags_and_words_are_kept()
    {
        const string text = "Scored 3 goals in 2026, 90 minutes #football at 5pm";
        Assert.AreEqual(text, TextScrubber.Scrub(text));
    }

    [TestMethod]
    public void Null_and_empty_text_become_empty()
    {
        Assert.AreEqual(string.Empty, TextScrubber.Scrub(null));
        Assert.AreEqual(string.Empty, TextScrubber.Scrub(string.Empty));
    }
}
