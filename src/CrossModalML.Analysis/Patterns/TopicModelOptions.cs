namespace CrossModalML.Analysis.Patterns;

/// <summary>Settings of the text topic model (ML.NET's LightLDA-based <c>LatentDirichletAllocation</c>).</summary>
public sealed class TopicModelOptions
{
    /// <summary>Number of topics. 0 turns topics off (and the text block of the clustering falls back to term components). Default 8.</summary>
    public int TopicCount { get; set; } = 8;

    /// <summary>
    /// Dirichlet prior on each post's topic mix, summed over topics (α × topic count). Short posts say little, so a small
    /// value lets each post lean on one or two topics. Default 1 (ML.NET's own default of 100 suits long documents).
    /// </summary>
    public float AlphaSum { get; set; } = 1f;

    /// <summary>Dirichlet prior on each topic's word distribution (β). Default 0.01, as ML.NET.</summary>
    public float Beta { get; set; } = 0.01f;

    /// <summary>Gibbs sampling iterations. Default 500 (ML.NET's 200 leaves the topics of short posts less settled).</summary>
    public int Iterations { get; set; } = 500;

    /// <summary>Most distinct words kept (the most frequent ones). Default 5,000.</summary>
    public int MaxVocabulary { get; set; } = 5000;

    /// <summary>
    /// How many times each hashtag counts as a word. Authors tag what a post is about, while much of a short post's
    /// wording is stock phrasing shared by every subject; counting tags more makes topics form around what is tagged.
    /// 1 treats a tag as one word. Default 3.
    /// </summary>
    public int HashtagWeight { get; set; } = 3;

    /// <summary>Words listed per topic. Default 10.</summary>
    public int TermsPerTopic { get; set; } = 10;

    internal void Validate()
    {
        if (TopicCount is < 0 or > 200)
        {
            throw new ArgumentOutOfRangeException(nameof(TopicCount), TopicCount, "Give 2 to 200 topics, or 0 to turn topics off.");
        }

        if (TopicCount == 1)
        {
            throw new ArgumentOutOfRangeException(nameof(TopicCount), TopicCount, "One topic says nothing; give 2 to 200 topics, or 0 to turn topics off.");
        }

        if (!(AlphaSum > 0) || !(Beta > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(AlphaSum), $"The Dirichlet priors must be positive; got AlphaSum {AlphaSum}, Beta {Beta}.");
        }

        if (Iterations < 1 || MaxVocabulary < 10 || TermsPerTopic < 1 || HashtagWeight is < 1 or > 20)
        {
            throw new ArgumentOutOfRangeException(nameof(Iterations), $"Iterations (≥ 1), MaxVocabulary (≥ 10) and TermsPerTopic (≥ 1) or HashtagWeight (1 to 20) is out of range: {Iterations}, {MaxVocabulary}, {TermsPerTopic}, {HashtagWeight}.");
        }
    }
}
