namespace CrossModalML.Demo;

/// <summary>The fixed word lists the demo texts are built from. No entry contains a tab, a line break or a double quote.</summary>
internal static class DemoVocabulary
{
    public const string Positive = "positive";
    public const string Negative = "negative";
    public const string Neutral = "neutral";

    /// <summary>Sentiment labels; the index is the label's code inside the generator.</summary>
    public static IReadOnlyList<string> Sentiments { get; } = [Positive, Negative, Neutral];

    /// <summary>Probability of each clean sentiment, in the order of <see cref="Sentiments"/>.</summary>
    public static IReadOnlyList<double> SentimentWeights { get; } = [0.45, 0.35, 0.20];

    public static IReadOnlyList<string> Topics { get; } = ["sports", "food", "travel", "tech", "music"];

    /// <summary>Index of <c>travel</c> in <see cref="Topics"/>; burst posts are travel posts.</summary>
    public const int TravelTopic = 2;

    /// <summary>Expected likes of an average post per topic, before the other engagement factors.</summary>
    public static IReadOnlyList<double> TopicBaseLikes { get; } = [40, 30, 45, 25, 35];

    public static IReadOnlyList<IReadOnlyList<string>> TopicSubjects { get; } =
    [
        ["the match", "that last goal", "training", "the derby", "extra time", "the league table", "my 10k run", "the cup final", "the transfer news", "the new kit"],
        ["this ramen", "homemade pasta", "brunch", "the new bakery", "my sourdough", "taco night", "the street food market", "this curry", "grandma's soup", "the coffee place"],
        ["the old town", "this beach", "the night train", "the mountain hike", "the airport lounge", "the ferry", "the hostel", "the road trip", "the city walk", "the lake view"],
        ["the new phone", "this laptop", "the beta update", "my PC build", "the keyboard", "the game patch", "the new console", "this app", "the code review", "the smartwatch"],
        ["the concert", "this album", "the new single", "the gig", "my playlist", "the festival lineup", "the vinyl shop", "the acoustic set", "the band", "the drum solo"],
    ];

    public static IReadOnlyList<IReadOnlyList<string>> TopicHashtags { get; } =
    [
        ["#football", "#matchday", "#goal", "#running", "#sports"],
        ["#recipe", "#foodie", "#brunch", "#homecooking", "#yum"],
        ["#travel", "#wanderlust", "#roadtrip", "#hiking", "#travelphoto"],
        ["#tech", "#gaming", "#coding", "#gadgets", "#pcbuild"],
        ["#music", "#livemusic", "#nowplaying", "#vinyl", "#newmusic"],
    ];

    /// <summary>Openings that name the subject without any sentiment; <c>{0}</c> is the subject.</summary>
    public static IReadOnlyList<string> TopicOpenings { get; } =
    [
        "{0} today",
        "Checking out {0}",
        "Back at {0} again",
        "Anyone else into {0}?",
        "Spent the afternoon on {0}",
        "Notes on {0}",
        "First look at {0}",
        "Quick post about {0}",
        "Thinking about {0}",
        "So, {0}",
        "Here is {0}",
        "Day three of {0}",
    ];

    /// <summary>Sentiment-free additions that make texts without a sentiment cue look less templated.</summary>
    public static IReadOnlyList<string> NeutralFillers { get; } =
    [
        "more pics soon",
        "details below",
        "photo from earlier",
        "posting from my phone",
        "same place as last week",
        "took a few shots",
        "two hours in",
        "on the way home now",
    ];

    /// <summary>Sentiment phrases per label, in the order of <see cref="Sentiments"/>.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> SentimentPhrases { get; } =
    [
        ["absolutely loved it", "so happy right now", "best one yet", "this made my day", "brilliant", "what a great time", "totally worth it", "love love love", "can't stop smiling", "really impressed"],
        ["really disappointed", "what a waste", "worst one yet", "this ruined my day", "so annoying", "not happy at all", "never again", "awful experience", "total letdown", "hate this"],
        ["it was okay", "nothing special", "fine I guess", "pretty average", "no strong opinion", "as expected", "neither good nor bad", "just ok", "could go either way", "not sure what to think"],
    ];

    /// <summary>Upper-case shouts for strong sentiment; neutral posts never shout.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> SentimentShouts { get; } =
    [
        ["AMAZING!!!", "BEST DAY EVER!", "SO GOOD!!", "YES!!!"],
        ["TERRIBLE!!!", "WORST EVER!", "SO ANGRY!!", "NO!!!"],
        [],
    ];

    public static IReadOnlyList<IReadOnlyList<string>> SentimentEmoticons { get; } =
    [
        ["😊", "😍", "🎉", ":)", ":D", "❤️", "👍"],
        ["😠", "😢", "💔", ":(", ":-(", "👎", "😞"],
        ["😐", ":|", "🤷", "meh"],
    ];

    public static IReadOnlyList<IReadOnlyList<string>> SentimentHashtags { get; } =
    [
        ["#blessed", "#happy", "#goodvibes"],
        ["#fail", "#annoyed", "#disappointed"],
        ["#update", "#fyi"],
    ];

    public const string BurstHashtag = "#aurora";

    public static IReadOnlyList<string> BurstSubjects { get; } =
    [
        "the northern lights",
        "the aurora",
        "the green sky tonight",
        "the light show up north",
        "the aurora forecast",
    ];

    /// <summary>Likes multiplier for each posting hour (UTC, index 0 to 23).</summary>
    public static IReadOnlyList<double> HourLikesFactor { get; } =
    [
        0.8, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6,
        0.9, 0.9, 0.9, 0.9, 0.9,
        1.0, 1.0, 1.0, 1.0, 1.0,
        1.3, 1.3, 1.3, 1.3, 1.3, 1.3,
        1.0,
    ];
}
