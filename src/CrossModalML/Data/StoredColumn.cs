namespace CrossModalML.Data;

/// <summary>A column of a <see cref="PostDataset"/> as stored.</summary>
/// <param name="Schema">The column's name and role.</param>
/// <param name="Values">Each row's value as given (trimmed except for text); missing is empty. The fingerprint hashes these.</param>
/// <param name="ImagePaths">For image columns, each row's absolute image path, or empty when the image is missing or unusable.</param>
/// <param name="Numbers">For numeric columns and regression labels, each row's number; missing is <see cref="float.NaN"/>.</param>
internal sealed record StoredColumn(ColumnSchema Schema, string[] Values, string[]? ImagePaths, float[]? Numbers)
{
    /// <summary>The values as the data view shows them as text: image paths for images, otherwise the values.</summary>
    public string[] TextValues => ImagePaths ?? Values;

    public StoredColumn Select(IReadOnlyList<int> rows) => new(
        Schema,
        Pick(Values, rows),
        ImagePaths is null ? null : Pick(ImagePaths, rows),
        Numbers is null ? null : Pick(Numbers, rows));

    private static T[] Pick<T>(T[] source, IReadOnlyList<int> rows)
    {
        var picked = new T[rows.Count];
        for (var i = 0; i < picked.Length; i++)
        {
            picked[i] = source[rows[i]];
        }

        return picked;
    }
}
