using System.Globalization;
using System.Text;

namespace CrossModalML.Demo;

/// <summary>Writes the short, tweet-like text of a demo post.</summary>
internal sealed class DemoTextComposer
{
    private const double HashtagProbability = 0.75;
    private const double SecondHashtagProbability = 0.35;
    private const double MentionProbability = 0.30;
    private const double FriendMentionProbability = 0.80;
    private const double UrlProbability = 0.08;
    private const double FillerProbability = 0.40;
    private const double ShoutProbability = 0.20;
    private const double EmoticonProbability = 0.60;
    private const double SentimentHashtagProbability = 0.20;

    /// <summary>Travel posts outside the burst mention the burst hashtag at this rate, so the tag exists before it trends.</summary>
    public const double BackgroundBurstTagProbability = 0.02;

    private readonly Random _random;
    private readonly IReadOnlyList<string> _userIds;
    private readonly IReadOnlyList<IReadOnlyList<int>> _friends;

    public DemoTextComposer(Random random, IReadOnlyList<string> userIds, IReadOnlyList<IReadOnlyList<int>> friends)
    {
        _random = random;
        _userIds = userIds;
        _friends = friends;
    }

    /// <summary>Composes a post's text and says whether it carries the burst hashtag.</summary>
    public (string Text, bool HasBurstHashtag) Compose(DemoPostPlan plan)
    {
        bool textCue = plan.CueChannel != SentimentCueChannel.Image;
        IReadOnlyList<string> subjects = plan.IsBurstPost ? DemoVocabulary.BurstSubjects : DemoVocabulary.TopicSubjects[plan.Topic];
        string opening = string.Format(CultureInfo.InvariantCulture, _random.Pick(DemoVocabulary.TopicOpenings), _random.Pick(subjects));

        var text = new StringBuilder();
        text.Append(char.ToUpperInvariant(opening[0])).Append(opening, 1, opening.Length - 1);

        if (textCue)
        {
            AppendSentiment(text, plan.CleanSentiment);
        }
        else if (_random.NextBool(FillerProbability))
        {
            AppendSentence(text, _random.Pick(DemoVocabulary.NeutralFillers));
        }

        if (_random.NextBool(MentionProbability))
        {
            text.Append(" @").Append(_userIds[PickMentionedUser(plan.UserIndex)]);
        }

        if (_random.NextBool(UrlProbability))
        {
            text.Append(" https://example.com/p/").Append(_random.Next(0x100000, 0x1000000).ToString("x6", CultureInfo.InvariantCulture));
        }

        var hashtags = new List<string>();
        if (_random.NextBool(HashtagProbability))
        {
            IReadOnlyList<string> topicTags = DemoVocabulary.TopicHashtags[plan.Topic];
            int first = _random.Next(topicTags.Count);
            hashtags.Add(topicTags[first]);
            if (_random.NextBool(SecondHashtagProbability))
            {
                // Offsetting from the first pick keeps the two tags distinct.
                hashtags.Add(topicTags[(first + 1 + _random.Next(topicTags.Count - 1)) % topicTags.Count]);
            }
        }

        if (textCue && _random.NextBool(SentimentHashtagProbability))
        {
            hashtags.Add(_random.Pick(DemoVocabulary.SentimentHashtags[plan.CleanSentiment]));
        }

        bool hasBurstHashtag = plan.IsBurstPost
            || (plan.Topic == DemoVocabulary.TravelTopic && _random.NextBool(BackgroundBurstTagProbability));
        if (hasBurstHashtag)
        {
            hashtags.Add(DemoVocabulary.BurstHashtag);
        }

        foreach (string hashtag in hashtags)
        {
            text.Append(' ').Append(hashtag);
        }

        return (text.ToString(), hasBurstHashtag);
    }

    private void AppendSentiment(StringBuilder text, int sentiment)
    {
        IReadOnlyList<string> shouts = DemoVocabulary.SentimentShouts[sentiment];
        if (shouts.Count > 0 && _random.NextBool(ShoutProbability))
        {
            text.Append(' ').Append(_random.Pick(shouts));
        }
        else
        {
            AppendSentence(text, _random.Pick(DemoVocabulary.SentimentPhrases[sentiment]));
        }

        if (_random.NextBool(EmoticonProbability))
        {
            text.Append(' ').Append(_random.Pick(DemoVocabulary.SentimentEmoticons[sentiment]));
        }
    }

    private static void AppendSentence(StringBuilder text, string sentence)
    {
        // An opening that ends in a question mark already closes its sentence.
        text.Append(text[^1] == '?' ? " " : ", ").Append(sentence);
    }

    private int PickMentionedUser(int authorIndex)
    {
        if (_random.NextBool(FriendMentionProbability))
        {
            return _random.Pick(_friends[authorIndex]);
        }

        int other = _random.Next(_userIds.Count - 1);
        return other >= authorIndex ? other + 1 : other;
    }
}
