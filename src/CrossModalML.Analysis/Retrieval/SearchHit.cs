namespace CrossModalML.Analysis.Retrieval;

/// <summary>One result of a cross-modal query: the matching post, with what a person needs to see it.</summary>
/// <param name="Id">The matching post's id, as stored in the index (the data set's id column, or <c>line N</c> when it
/// has none).</param>
/// <param name="Score">Cosine similarity in the shared space, in [−1, 1]; higher is a better match.</param>
/// <param name="Text">An excerpt of the post's text (one line, at most the index's excerpt length, "…" when cut); empty
/// when the post has no text or the index was built without excerpts.</param>
/// <param name="ImagePath">The full path of the post's image as it was when the index was built, or <see langword="null"/>
/// when the post has no image.</param>
public sealed record SearchHit(string Id, double Score, string Text, string? ImagePath);
