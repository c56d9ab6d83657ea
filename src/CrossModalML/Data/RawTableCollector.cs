namespace CrossModalML.Data;

/// <summary>Gathers records into a <see cref="RawTable"/>: columns in the order their names first occur, and an
/// empty value wherever a row lacks a column (a JSON Lines object without that key).</summary>
internal sealed class RawTableCollector
{
    private readonly List<string> _columns = [];
    private readonly Dictionary<string, int> _columnIndex = new(StringComparer.Ordinal);
    private readonly List<RawRow> _rows = [];
    private IReadOnlyList<string>? _firstKeys;

    /// <summary>The rows gathered so far.</summary>
    public int Count => _rows.Count;

    public void Add(PostRecord record)
    {
        if (_firstKeys is null)
        {
            _firstKeys = record.Keys;
            foreach (var key in record.Keys)
            {
                IndexOf(key);
            }
        }

        // Delimited records share the header's list, whose order the columns already are.
        if (ReferenceEquals(record.Keys, _firstKeys))
        {
            _rows.Add(new RawRow(record.LineNumber, record.Values));
            return;
        }

        var indices = record.Keys.Select(IndexOf).ToArray();
        var cells = new string[_columns.Count];
        Array.Fill(cells, string.Empty);
        for (var i = 0; i < indices.Length; i++)
        {
            cells[indices[i]] = record.Values[i];
        }

        _rows.Add(new RawRow(record.LineNumber, cells));
    }

    /// <summary>The table of every row added, each as long as the column list.</summary>
    public RawTable ToTable(string fullPath, IReadOnlyList<string> warnings)
    {
        var rows = _rows.Select(row => row.Cells.Length == _columns.Count
            ? row
            : new RawRow(row.LineNumber, [.. row.Cells, .. Enumerable.Repeat(string.Empty, _columns.Count - row.Cells.Length)]));
        return RawTable.FromFile(fullPath, [.. _columns], [.. rows], warnings);
    }

    private int IndexOf(string key)
    {
        if (!_columnIndex.TryGetValue(key, out var index))
        {
            index = _columns.Count;
            _columns.Add(key);
            _columnIndex.Add(key, index);
        }

        return index;
    }
}
