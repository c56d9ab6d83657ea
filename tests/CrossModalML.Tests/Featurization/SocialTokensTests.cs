using CrossModalML.Analysis.Patterns;
using CrossModalML.Analysis.Trends;
using CrossModalML.Analysis.Users;
using CrossModalML.Featurization.Text;

namespace CrossModalML.Tests.Featurization;

[TestClass]
public sealed class SocialTokensTests
{
    [TestMethod]
    public void A_hashtag_ends_at_punctuation_and_needs_white_space_before_it()
    {
        var tags = SocialTokens.Hashtags("#Sunset, at the beach! (#beach) campus.#News #tag's ##double");

        CollectionAssert.AreEqual(new[] { "#Sunset", "#tag" }, tags.ToArray());
    }

    [TestMethod]
    public void Hashtags_take_unicode_letters_combining_marks_digits_and_underscores()
    {
        var tags = SocialTokens.Hashtags("#café #東京 #cafe\u0301 #snake_case #1 #2024goals #_x #");

        CollectionAssert.AreEqual(new[] { "#café", "#東京", "#cafe\u0301", "#snake_case", "#1", "#2024goals" }, tags.ToArray());
    }

    [TestMethod]
    public void An_email_address_is_not_a_mention()
    {
        var mentions = SocialTokens.Mentions("mail ann@example.com or ask @bob: and @Zoë_2.");

        CollectionAssert.AreEqual(new[] { "@bob", "@Zoë_2" }, mentions.ToArray());
    }

    [TestMethod]
    public void A_web_address_leaves_out_trailing_punctuation_but_keeps_its_own_brackets()
    {
        var urls = SocialTokens.Urls("See http://t.co/abc. Also https://en.wikipedia.org/wiki/Rust_(language), WWW.Example.com! and (http://x.org)");

        CollectionAssert.AreEqual(new[] { "http://t.co/abc", "https://en.wikipedia.org/wiki/Rust_(language)", "WWW.Example.com" }, urls.ToArray());
    }

    [TestMethod]
    public void Replace_swaps_tokens_and_keeps_what_follows_them()
    {
        var text = SocialTokens.Replace("RT @ann: sunset #beach, http://t.co/x.", SocialTokenKind.All, token => $"<{token.Kind}:{token.Name}>");

        Assert.AreEqual("RT <Mention:ann>: sunset <Hashtag:beach>, <Url:http://t.co/x>.", text);
    }

    [TestMethod]
    public void Account_names_are_hidden_wherever_they_could_be_one_but_email_addresses_are_not()
    {
        var hidden = SocialTokens.ReplaceAccountNames("“@WSJ: news” .@ann and @bob, mail ann@example.com", name => $"@<{name.Length}>");

        Assert.AreEqual("“@<3>: news” .@<3> and @<3>, mail ann@example.com", hidden);
        Assert.AreEqual(0, SocialTokens.Mentions("“@WSJ: news” .@ann").Count, "hiding is wider than counting on purpose");
    }

    [TestMethod]
    public void Featurizer_trends_patterns_and_users_agree_on_the_tokens_of_a_post()
    {
        string[] posts =
        [
            "RT @ann: Sunset over the bay #Sunset #beach, see http://t.co/x. (#ignored) ann@example.com",
            "campus.#News @bob's photo #café #東京 #1 .@carol",
            "“@dave: quoted” #Tag #tag",
        ];
        var signals = new float[SocialSignals.Length];
        foreach (var post in posts)
        {
            var hashtags = SocialTokens.Hashtags(post).Select(tag => tag.ToLowerInvariant()).ToArray();
            var mentions = SocialTokens.Mentions(post).Select(mention => mention[1..]).ToArray();
            SocialSignals.Compute(post, signals);

            Assert.AreEqual(hashtags.Length, (int)signals[0], post);
            Assert.AreEqual(mentions.Length, (int)signals[1], post);
            Assert.AreEqual(SocialTokens.Urls(post).Count, (int)signals[2], post);
            CollectionAssert.AreEqual(hashtags, TrendTable.Hashtags(post).ToArray(), post);
            CollectionAssert.AreEqual(hashtags.Distinct().ToArray(), PostTokens.Hashtags(post).ToArray(), post);
            var (retweetOf, mentioned) = MentionParser.Parse(post);
            CollectionAssert.AreEquivalent(mentions.Distinct(StringComparer.OrdinalIgnoreCase).ToArray(), (retweetOf is null ? mentioned : [retweetOf, .. mentioned]).ToArray(), post);
            foreach (var mention in mentions)
            {
                Assert.IsTrue(PostTokens.Mentions(post, mention), post);
            }
        }

        Assert.IsFalse(PostTokens.Mentions(posts[0], "example"), "an e-mail domain is nobody's mention");
        Assert.AreEqual("ann", MentionParser.Parse(posts[0]).RetweetOf);
    }
}
