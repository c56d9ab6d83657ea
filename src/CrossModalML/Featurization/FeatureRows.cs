using Microsoft.ML;
using Microsoft.ML.Data;

namespace CrossModalML.Featurization;

/// <summary>Reads a featurized vector column into memory, one copy per row.</summary>
internal static class FeatureRows
{
    /// <summary>Copies every row's vector of <paramref name="columnName"/>; ML.NET reuses its row buffer, so each is copied.</summary>
    /// <param name="view">The featurized view.</param>
    /// <param name="columnName">A float vector column.</param>
    /// <param name="rowCount">The view's row count, known to the caller.</param>
    public static VBuffer<float>[] Read(IDataView view, string columnName, int rowCount)
    {
        var column = view.Schema[columnName];
        var rows = new VBuffer<float>[rowCount];
        using var cursor = view.GetRowCursor([column]);
        var getter = cursor.GetGetter<VBuffer<float>>(column);
        var buffer = default(VBuffer<float>);
        int row = 0;
        while (cursor.MoveNext())
        {
            getter(ref buffer);
            var copy = default(VBuffer<float>);
            buffer.CopyTo(ref copy);
            rows[row++] = copy;
        }

        return rows;
    }
}
