namespace CrossModalML.Analysis.Patterns;

/// <summary>One cluster of posts and what marks it.</summary>
/// <param name="Id">0-based cluster number, as in <see cref="PatternResult.Assignments"/>.</param>
/// <param name="Size">Posts in the cluster.</param>
/// <param name="TopTerms">Words that mark the cluster (frequent in it and rarer elsewhere), strongest first.</param>
/// <param name="TopHashtags">Hashtags that mark the cluster, strongest first.</param>
/// <param name="DominantTopic">The text topic most of its posts lean on, or −1 without topics.</param>
/// <param name="RepresentativeRows">Rows (0-based) of the posts closest to the cluster's centre, closest first.</param>
/// <param name="RepresentativePosts">The ids of those posts (the id column, or <c>line N</c>).</param>
/// <param name="RepresentativeImages">Distinct images (no path or file content twice) of the posts closest to the centre, closest first.</param>
/// <param name="LabelCounts">Posts per label value (empty when there is no label column); sums to <paramref name="Size"/>, an empty label counting as "(none)".</param>
/// <param name="Modalities">Which modalities its posts have.</param>
public sealed record PostCluster(
    int Id,
    int Size,
    IReadOnlyList<WeightedTerm> TopTerms,
    IReadOnlyList<WeightedTerm> TopHashtags,
    int DominantTopic,
    IReadOnlyList<int> RepresentativeRows,
    IReadOnlyList<string> RepresentativePosts,
    IReadOnlyList<string> RepresentativeImages,
    IReadOnlyDictionary<string, int> LabelCounts,
    ModalityCoverage Modalities);
