namespace CrossModalML.Featurization.Text;

/// <summary>Reads a word-vector vocabulary (one word per line, the word on line k has id k) into the word-to-id pairs
/// of ML.NET's value mapping. The last file read is kept, since a search builds its featurizer many times.</summary>
internal static class WordVectorVocabulary
{
    /// <summary>Stands first in every post so the id vector is never empty (the graph needs at least one id); it maps to
    /// id 0, which the graph ignores.</summary>
    public const string PaddingToken = "cmpadtoken";

    private static readonly Lock CacheLock = new();
    private static (string Key, IReadOnlyList<KeyValuePair<string, long>> Pairs)? _last;

    /// <summary>The word-to-id pairs, the padding token mapped to 0 included. Blank lines keep their id but map no word;
    /// a repeated word keeps its first id.</summary>
    /// <exception cref="InvalidDataException">The file holds no word.</exception>
    public static IReadOnlyList<KeyValuePair<string, long>> Load(string path)
    {
        var info = new FileInfo(path);
        var key = $"{info.FullName}|{info.Length}|{info.LastWriteTimeUtc.Ticks}";
        lock (CacheLock)
        {
            if (_last is { } last && last.Key == key)
            {
                return last.Pairs;
            }
        }

        var pairs = new List<KeyValuePair<string, long>> { new(PaddingToken, 0) };
        var seen = new HashSet<string>(StringComparer.Ordinal) { PaddingToken };
        long id = 0;
        foreach (var line in File.ReadLines(path))
        {
            id++;
            var word = line.Trim();
            if (word.Length > 0 && seen.Add(word))
            {
                pairs.Add(new(word, id));
            }
        }

        if (pairs.Count == 1)
        {
            throw new InvalidDataException($"The word-vector vocabulary '{path}' holds no word; it needs one word per line, the word on line k having id k.");
        }

        lock (CacheLock)
        {
            _last = (key, pairs);
        }

        return pairs;
    }
}
