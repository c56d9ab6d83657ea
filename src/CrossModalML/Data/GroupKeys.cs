using CrossModalML.IO;

namespace CrossModalML.Data;

/// <summary>The values that keep rows together in a grouped split. For an image column the key is the image's content
/// (SHA-256 of the file's bytes), so the same picture saved under two names, as a scrape that names every file after its
/// post does, is one group; any other column's key is its value.</summary>
internal static class GroupKeys
{
    /// <summary>Each row's group key in <paramref name="column"/>: the content hash of its image for an image column (empty
    /// when the post has no readable image, which makes the row a group of its own), the value otherwise.</summary>
    /// <param name="data">The posts.</param>
    /// <param name="column">The group column's name.</param>
    public static IReadOnlyList<string> Of(PostDataset data, string column)
    {
        ArgumentNullException.ThrowIfNull(data);
        var values = data.GetColumnValues(column);
        if (data.Columns.FirstOrDefault(c => string.Equals(c.Name, column, StringComparison.Ordinal))?.Role != ColumnRole.Image)
        {
            return values;
        }

        var keys = new string[values.Count];
        Parallel.For(0, values.Count, row => keys[row] = ContentKey(values[row]));
        return keys;
    }

    /// <summary>The content hash of the image at an absolute path; empty for no path or a file that cannot be read.</summary>
    private static string ContentKey(string path)
    {
        if (path.Length == 0)
        {
            return string.Empty;
        }

        try
        {
            return FileHash.Sha256(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }
}
