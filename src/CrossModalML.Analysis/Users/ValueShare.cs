namespace CrossModalML.Analysis.Users;

/// <summary>A value (hashtag, category, label, term) and the share of a group's posts that carry it.</summary>
/// <param name="Value">The value as written (hashtags in lower case with their <c>#</c>).</param>
/// <param name="Share">Share of the group's posts, 0 to 1.</param>
public sealed record ValueShare(string Value, double Share);
