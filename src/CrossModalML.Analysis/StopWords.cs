namespace CrossModalML.Analysis;

/// <summary>The English function words that analyses leave out when they list the terms marking a group of posts
/// (a cluster's top terms): articles, pronouns, prepositions, conjunctions, auxiliary and modal verbs, and a few
/// adverbs such as "just", "very" and "also", plus the contraction stems "don", "isn", … left when an apostrophe splits a word.</summary>
/// <remarks>
/// <para>The list is <see cref="English"/>; it is compared case-insensitively. It is applied to listed terms only:
/// featurizers and models still see every word, so a stop word can still help a prediction.</para>
/// <para>Words are matched whole: "the" is a stop word, "theme" is not. Hashtags are never stop words (<c>#the</c> is
/// listed if it marks a group).</para>
/// </remarks>
public static class StopWords
{
    /// <summary>The English stop words, lower-case.</summary>
    public static IReadOnlySet<string> English { get; } = new HashSet<string>(
        [
            "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "aren", "as", "at",
            "be", "because", "been", "before", "being", "below", "between", "both", "but", "by",
            "can", "cannot", "could", "couldn", "did", "didn", "do", "does", "doesn", "doing", "don", "down", "during",
            "each", "even", "ever", "every", "few", "for", "from", "further", "get", "gets", "got",
            "had", "hadn", "has", "hasn", "have", "haven", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how",
            "i", "if", "in", "into", "is", "isn", "it", "its", "itself", "just",
            "let", "ll", "me", "more", "most", "much", "must", "my", "myself",
            "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own",
            "re", "same", "shall", "she", "should", "shouldn", "so", "some", "such",
            "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those", "through", "to", "too",
            "under", "until", "up", "upon", "us", "ve", "very",
            "was", "wasn", "we", "were", "weren", "what", "when", "where", "which", "while", "who", "whom", "whose", "why", "will", "with", "won",
            "would", "wouldn", "you", "your", "yours", "yourself", "yourselves",
        ],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="word"/>, or its part before an apostrophe ("that's", "don't"), is in
    /// <see cref="English"/> (ignoring case).</summary>
    public static bool IsStopWord(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        int apostrophe = word.IndexOfAny(['\'', '’']);
        return English.Contains(word) || (apostrophe > 0 && English.Contains(word[..apostrophe]));
    }
}
