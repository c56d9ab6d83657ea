namespace CrossModalML.Analysis.Users;

/// <summary>Ranks the words typical of a group of posts: words used by more of the group's posts than of all posts.</summary>
/// <remarks>A word scores <c>n·log(p_group / p_all)</c>, where n is the number of the group's posts using it and the
/// p are the shares of posts using it; words every group uses score about 0, so no stop-word list is needed.</remarks>
internal sealed class TermIndex
{
    private readonly string[][] _words;
    private readonly Dictionary<string, int> _documentFrequency;

    public TermIndex(string[][] distinctWordsPerPost)
    {
        _words = distinctWordsPerPost;
        _documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var word in distinctWordsPerPost.SelectMany(w => w))
        {
            _documentFrequency[word] = _documentFrequency.GetValueOrDefault(word) + 1;
        }
    }

    /// <summary>The <paramref name="limit"/> best words; in groups of four or more posts a word must appear in two of them.</summary>
    public IReadOnlyList<string> Top(IReadOnlyList<int> rows, int limit)
    {
        if (limit == 0 || rows.Count == 0)
        {
            return [];
        }

        int minimum = rows.Count >= 4 ? 2 : 1;
        double all = _words.Length;
        return rows.SelectMany(r => _words[r])
            .GroupBy(w => w, StringComparer.Ordinal)
            .Where(g => g.Count() >= minimum)
            .Select(g => (Word: g.Key, Score: g.Count() * Math.Log(g.Count() / (double)rows.Count / (_documentFrequency[g.Key] / all))))
            .Where(t => t.Score > 1e-9)
            .OrderByDescending(t => t.Score).ThenBy(t => t.Word, StringComparer.Ordinal)
            .Take(limit).Select(t => t.Word).ToArray();
    }
}
