using System.Text.RegularExpressions;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;
using CrossModalML.Featurization.Text;

namespace CrossModalML.Analysis.Patterns;

/// <summary>Text topics of a set of posts: each topic's top words and each post's topic mix.</summary>
/// <remarks>
/// Fitted with ML.NET's <c>LatentDirichletAllocation</c> on lower-case word counts, after removing mentions, retweet
/// markers, web addresses, punctuation (a hashtag counts as its word, <see cref="TopicModelOptions.HashtagWeight"/> times), digits
/// and English stop words. Single-threaded
/// with a reset random generator, so a fit is repeatable. Immutable.
/// </remarks>
public sealed partial class TopicModel
{
    private const string TextColumn = "Text";

    private TopicModel(IReadOnlyList<TextTopic> topics, float[][] mixtures, int[] dominant)
    {
        Topics = topics;
        Mixtures = mixtures;
        DominantTopics = dominant;
    }

    /// <summary>The topics, numbered as in <see cref="Mixtures"/>.</summary>
    public IReadOnlyList<TextTopic> Topics { get; }

    /// <summary>Each post's topic shares (summing to 1), in input order; all zeros for a post without words.</summary>
    public IReadOnlyList<float[]> Mixtures { get; }

    /// <summary>Each post's largest topic, or −1 for a post without words.</summary>
    public IReadOnlyList<int> DominantTopics { get; }

    /// <summary>Fits topics to <paramref name="texts"/>.</summary>
    /// <param name="mlContext">The context to fit in.</param>
    /// <param name="texts">One text per post; empty for posts without text.</param>
    /// <param name="options">Topic count and priors; <c>null</c> for the defaults.</param>
    /// <exception cref="ArgumentException">Topics are turned off, or fewer than two texts have words.</exception>
    public static TopicModel Fit(MLContext mlContext, IReadOnlyList<string> texts, TopicModelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(texts);
        options ??= new TopicModelOptions();
        options.Validate();
        if (options.TopicCount == 0)
        {
            throw new ArgumentException("TopicModelOptions.TopicCount is 0 (topics off); give 2 or more topics to fit a topic model.", nameof(options));
        }

        var cleaned = texts.Select(t => RepeatHashtags(WordsOnly(MentionParser.StripAccountsAndLinks(t ?? string.Empty)), options.HashtagWeight)).ToArray();
        int withWords = cleaned.Count(t => t.Any(char.IsLetter));
        if (withWords < 2)
        {
            throw new ArgumentException($"Topics need at least two posts with words; {withWords} of {texts.Count} have any.", nameof(texts));
        }

        var view = mlContext.Data.LoadFromEnumerable(cleaned.Select(t => new TextRow { Text = t }));
        var pipeline = mlContext.Transforms.Text.NormalizeText("Normalized", TextColumn, TextNormalizingEstimator.CaseMode.Lower, keepDiacritics: false, keepPunctuations: false, keepNumbers: false)
            .Append(mlContext.Transforms.Text.TokenizeIntoWords("Tokens", "Normalized"))
            .Append(mlContext.Transforms.Text.RemoveDefaultStopWords("Words", "Tokens"))
            .Append(mlContext.Transforms.Conversion.MapValueToKey("WordKeys", "Words"))
            .Append(mlContext.Transforms.Text.ProduceNgrams("Counts", "WordKeys", ngramLength: 1, useAllLengths: false, maximumNgramsCount: options.MaxVocabulary, weighting: NgramExtractingEstimator.WeightingCriteria.Tf))
            .Append(mlContext.Transforms.Text.LatentDirichletAllocation(
                "Topics",
                "Counts",
                numberOfTopics: options.TopicCount,
                alphaSum: options.AlphaSum,
                beta: options.Beta,
                maximumNumberOfIterations: options.Iterations,
                likelihoodInterval: options.Iterations,
                numberOfThreads: 1,
                numberOfSummaryTermsPerTopic: options.TermsPerTopic,
                resetRandomGenerator: true));

        var mixtures = new float[texts.Count][];
        TransformerChain<LatentDirichletAllocationTransformer> model;

        // The native LDA prints its training log to standard output; it must not mix with the caller's output.
        using (NativeStdoutSilence.Begin())
        {
            model = pipeline.Fit(view);
            var transformed = model.Transform(view);
            var topicsColumn = transformed.Schema["Topics"];
            using var cursor = transformed.GetRowCursor([topicsColumn]);
            var getter = cursor.GetGetter<VBuffer<float>>(topicsColumn);
            var buffer = default(VBuffer<float>);
            int row = 0;
            while (cursor.MoveNext())
            {
                getter(ref buffer);
                var values = buffer.DenseValues().ToArray();
                float sum = values.Sum();
                mixtures[row++] = sum > 0 ? values.Select(v => v / sum).ToArray() : new float[options.TopicCount];
            }
        }

        var dominant = mixtures.Select(m => m.Sum() > 0 ? Array.IndexOf(m, m.Max()) : -1).ToArray();
        var details = model.LastTransformer.GetLdaDetails(0);
        var topics = new List<TextTopic>();
        var withText = mixtures.Where(m => m.Sum() > 0).ToArray();
        for (int k = 0; k < options.TopicCount; k++)
        {
            var scores = k < details.WordScoresPerTopic.Count ? details.WordScoresPerTopic[k] : [];
            double mass = scores.Sum(s => (double)s.Score);
            var terms = scores
                .OrderByDescending(s => s.Score)
                .Take(options.TermsPerTopic)
                .Select(s => new WeightedTerm(s.Word, mass > 0 ? s.Score / mass : 0, (int)Math.Round(s.Score)))
                .ToList();
            topics.Add(new TextTopic(k, terms, dominant.Count(d => d == k), withText.Length == 0 ? 0 : withText.Average(m => (double)m[k])));
        }

        return new TopicModel(topics, mixtures, dominant);
    }

    // Symbols, contraction endings ("n't", "'m", "'s") and single letters carry no topic; hashtags keep their '#'.
    private static string WordsOnly(string text) => SingleLetter().Replace(NonWord().Replace(Contraction().Replace(text, string.Empty), " "), " ");

    [GeneratedRegex(@"n['’]t\b|['’](s|m|re|ve|ll|d)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Contraction();

    [GeneratedRegex(@"[^\p{L}\p{N}#_\s]", RegexOptions.CultureInvariant)]
    private static partial Regex NonWord();

    [GeneratedRegex(@"(?<![\p{L}\p{N}])\p{L}(?![\p{L}\p{N}])", RegexOptions.CultureInvariant)]
    private static partial Regex SingleLetter();

    private static string RepeatHashtags(string text, int weight) =>
        weight == 1 ? text : SocialTokens.Replace(text, SocialTokenKind.Hashtag, tag => string.Join(' ', Enumerable.Repeat(tag.Name, weight)));

    private sealed class TextRow
    {
        public string Text { get; set; } = string.Empty;
    }
}
