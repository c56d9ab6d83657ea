namespace CrossModalML.Analysis.Retrieval;

/// <summary>One result of a cross-modal query.</summary>
/// <param name="Id">The matching post's id, as stored in the index (the data set's id column, or <c>line N</c> when it
/// has none).</param>
/// <param name="Score">Cosine similarity in the shared space, in [−1, 1]; higher is a better match.</param>
public sealed record SearchHit(string Id, double Score);
