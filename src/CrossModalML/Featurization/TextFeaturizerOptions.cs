namespace CrossModalML.Featurization;

/// <summary>Settings of the text featurizer: TF-IDF word and character n-grams, social signals and optional pretrained word vectors.</summary>
public sealed class TextFeaturizerOptions
{
    /// <summary>Longest word n-gram; all shorter ones are included. Default 2 (unigrams and bigrams).</summary>
    public int WordNgramLength { get; set; } = 2;

    /// <summary>Whether character n-grams are added; they catch misspellings, elongations and emoticons. Default true.</summary>
    public bool UseCharNgrams { get; set; } = true;

    /// <summary>Longest character n-gram; all shorter ones are included. Default 4.</summary>
    public int CharNgramLength { get; set; } = 4;

    /// <summary>Whether English stop words are removed before word n-grams. Default false: in short posts, "not" and "no" carry sentiment.</summary>
    public bool RemoveStopWords { get; set; }

    /// <summary>Whether counts of hashtags, mentions, URLs, emoji and emoticons, shouting and length are added. Default true.</summary>
    public bool UseSocialSignals { get; set; } = true;

    /// <summary>Whether e-mails, web addresses, phone numbers and @mentions are replaced by tokens before n-grams are
    /// built, so a saved model's text dictionary holds none of them. Default false. Social signals still count them.</summary>
    public bool ScrubPersonalData { get; set; }

    /// <summary>Whether a sentence encoder reads the post as plain prose: retweet marker, web addresses and a truncated
    /// last word removed, @mentions as "@user", hashtags split into words. Default false: the encoder reads the text as
    /// the n-grams see it. On the MVSA split it raised cross-validated scores but not held-out ones (docs/benchmarks.md).
    /// The n-grams and social signals always see the text as written.</summary>
    public bool CleanSentenceText { get; set; }

    /// <summary>A pretrained word-vector model whose mean vector of the post's words is added to the text block; <c>null</c>
    /// (default) for none. Word vectors know words the training posts never used, which n-grams cannot.</summary>
    public WordVectorModelOptions? WordVectors { get; set; }

    /// <summary>A pretrained sentence encoder whose embedding of the post is added to the text block. Default
    /// <see cref="SentenceEncoderKind.None"/>. A sentence encoder understands paraphrases and words the training posts never used.</summary>
    public SentenceEncoderKind SentenceEncoder { get; set; }

    internal void Validate()
    {
        if (WordNgramLength is < 1 or > 5)
        {
            throw new ArgumentOutOfRangeException(nameof(WordNgramLength), WordNgramLength, "Word n-gram length must be between 1 and 5.");
        }

        if (UseCharNgrams && CharNgramLength is < 1 or > 8)
        {
            throw new ArgumentOutOfRangeException(nameof(CharNgramLength), CharNgramLength, "Character n-gram length must be between 1 and 8.");
        }
    }
}
