using CrossModalML.Data;

namespace CrossModalML.Analysis.Retrieval;

/// <summary>The posts of a data set that have both a non-blank text and a usable image, with their ids.</summary>
internal sealed class RetrievalPairs
{
    private RetrievalPairs(string textColumn, string imageColumn, string[] ids, string[] texts, string[] imagePaths)
    {
        TextColumn = textColumn;
        ImageColumn = imageColumn;
        Ids = ids;
        Texts = texts;
        ImagePaths = imagePaths;
    }

    public string TextColumn { get; }

    public string ImageColumn { get; }

    public string[] Ids { get; }

    public string[] Texts { get; }

    /// <summary>Absolute paths, as the data layer resolved them.</summary>
    public string[] ImagePaths { get; }

    public int Count => Ids.Length;

    public static RetrievalPairs From(PostDataset data, RetrievalOptions options)
    {
        var (textColumn, imageColumn) = ResolveColumns(data, options);
        var ids = PostIds(data);
        var texts = data.GetColumnValues(textColumn);
        var images = data.GetColumnValues(imageColumn);
        var keep = Enumerable.Range(0, data.RowCount).Where(r => !string.IsNullOrWhiteSpace(texts[r]) && images[r].Length > 0).ToArray();
        return new RetrievalPairs(textColumn, imageColumn, keep.Select(r => ids[r]).ToArray(), keep.Select(r => texts[r]).ToArray(), keep.Select(r => images[r]).ToArray());
    }

    public RetrievalPairs Subset(IReadOnlyList<int> indices) =>
        new(TextColumn, ImageColumn, indices.Select(i => Ids[i]).ToArray(), indices.Select(i => Texts[i]).ToArray(), indices.Select(i => ImagePaths[i]).ToArray());

    /// <summary>Picks the text and image columns: the ones named in the options, or the data set's only one of each role.</summary>
    public static (string Text, string Image) ResolveColumns(PostDataset data, RetrievalOptions options) =>
        (Resolve(data, options.TextColumn, ColumnRole.Text, "TextColumn"),
         Resolve(data, options.ImageColumn, ColumnRole.Image, "ImageColumn"));

    /// <summary>Each row's id: the id column's value, or <c>line N</c> (the row's line in its file) when there is none.</summary>
    public static string[] PostIds(PostDataset data)
    {
        var idColumn = data.Columns.FirstOrDefault(c => c.Role == ColumnRole.Id)?.Name;
        if (idColumn is not null)
        {
            var ids = data.GetColumnValues(idColumn);
            return Enumerable.Range(0, data.RowCount).Select(r => ids[r].Length > 0 ? ids[r] : $"line {data.LineNumbers[r]}").ToArray();
        }

        return data.LineNumbers.Select(line => $"line {line}").ToArray();
    }

    private static string Resolve(PostDataset data, string? requested, ColumnRole role, string optionName)
    {
        var described = string.Join(", ", data.Columns.Select(c => $"'{c.Name}' ({c.Role})"));
        if (requested is not null)
        {
            var column = data.Columns.FirstOrDefault(c => c.Name == requested)
                ?? throw new ArgumentException($"RetrievalOptions.{optionName} is '{requested}', but the data set has no such column. Its columns are: {described}.");
            if (column.Role != role)
            {
                throw new ArgumentException(
                    $"Column '{requested}' has the role {column.Role}, not {role}. Load the posts with PostLoadOptions.RoleOverrides['{requested}'] = ColumnRole.{role}.");
            }

            return requested;
        }

        var candidates = data.Columns.Where(c => c.Role == role).Select(c => c.Name).ToList();
        var kind = role == ColumnRole.Image ? "an image" : "a text";
        return candidates.Count switch
        {
            1 => candidates[0],
            0 => throw new ArgumentException(
                $"Cross-modal retrieval needs {kind} column, but the data set has none. Its columns are: {described}. " +
                $"Give the column its role when loading (PostLoadOptions.RoleOverrides[\"COLUMN\"] = ColumnRole.{role})."),
            _ => throw new ArgumentException(
                $"The data set has {candidates.Count} {role.ToString().ToLowerInvariant()} columns ({string.Join(", ", candidates)}); set RetrievalOptions.{optionName} to choose one."),
        };
    }
}
