using CrossModalML.Featurization.Text;

namespace CrossModalML.Tests.Featurization;

[TestClass]
public sealed class SentenceTextCleanerTests
{
    [TestMethod]
    [DataRow("RT @ZainaErhaim: I was here when this bomb hit #AssadHolocaust http…", "I was here when this bomb hit Assad Holocaust")]
    [DataRow("Fear has a new address. Change it! https://t.co/XAnRBAtGfz", "Fear has a new address. Change it!")]
    [DataRow("RT @a: RT @b_2: thanks @carol for #PPPJiyalas and #day_2_fun", "thanks @user for PPP Jiyalas and day 2 fun")]
    [DataRow("#bigrig -- Ran When Parked. #abandoned #urbanexplo…", "bigrig -- Ran When Parked. abandoned")]
    [DataRow("see <url> cc <user> #news", "see cc @user news")]
    [DataRow("Scored 3 goals in 2026, at 5pm", "Scored 3 goals in 2026, at 5pm")]
    public void Platform_syntax_is_removed_and_words_are_kept(string text, string expected) =>
        Assert.AreEqual(expected, SentenceTextCleaner.Clean(text));

    [TestMethod]
    public void A_text_left_empty_is_kept_as_written()
    {
        Assert.AreEqual("https://t.co/x", SentenceTextCleaner.Clean("  https://t.co/x "));
        Assert.AreEqual(string.Empty, SentenceTextCleaner.Clean(null));
        Assert.AreEqual(string.Empty, SentenceTextCleaner.Clean("   "));
    }
}
