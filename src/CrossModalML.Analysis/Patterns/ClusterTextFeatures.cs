namespace CrossModalML.Analysis.Patterns;

/// <summary>What stands for a post's text in the fused vector the posts are clustered on.</summary>
public enum ClusterTextFeatures
{
    /// <summary>
    /// The post's topic mix from the topic model. A short post shares few words with any other, so distances between
    /// single posts' word vectors mostly measure noise; the topic mix pools words that occur together across posts.
    /// </summary>
    TopicMixture,

    /// <summary>Principal components of the post's word TF-IDF vector, as <c>PostEmbedder</c> makes them.</summary>
    TermComponents,
}
