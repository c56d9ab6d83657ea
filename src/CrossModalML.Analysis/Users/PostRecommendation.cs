namespace CrossModalML.Analysis.Users;

/// <summary>A post recommended to a user.</summary>
/// <param name="Row">The post's 0-based row in the analysed data set.</param>
/// <param name="PostId">The post's id (the Id column's value, or <c>line N</c> when there is no id column).</param>
/// <param name="Score">Cosine similarity between the post's embedding and the user's profile embedding, −1 to 1.</param>
public sealed record PostRecommendation(int Row, string PostId, double Score);
