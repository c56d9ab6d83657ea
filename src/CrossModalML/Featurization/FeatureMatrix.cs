using Microsoft.ML;
using Microsoft.ML.Data;

namespace CrossModalML.Featurization;

/// <summary>Feature vectors kept in memory, one per row, all of one length: the output of a featurizer read once so that
/// many fits can train on slices of it. Read-only once built.</summary>
/// <param name="Rows">One vector per row, in row order.</param>
/// <param name="Length">The vector length.</param>
internal sealed record FeatureMatrix(VBuffer<float>[] Rows, int Length)
{
    /// <summary>Reads one float vector column of a featurized view.</summary>
    /// <param name="view">The featurized view.</param>
    /// <param name="column">A float vector column.</param>
    /// <param name="rowCount">The view's row count, known to the caller.</param>
    /// <param name="cancellationToken">Checked every 256 rows.</param>
    /// <param name="progress">Receives the count of rows read (<see cref="FeaturizationProgress.Rows"/>), throttled.</param>
    public static FeatureMatrix Read(IDataView view, string column, int rowCount, CancellationToken cancellationToken = default, IProgress<FeaturizationProgress>? progress = null) =>
        Read(view, [column], rowCount, cancellationToken, progress)[column];

    /// <summary>Reads several float vector columns of a featurized view in one pass, so the featurizer runs once.</summary>
    /// <param name="view">The featurized view.</param>
    /// <param name="columns">Float vector columns.</param>
    /// <param name="rowCount">The view's row count, known to the caller.</param>
    /// <param name="cancellationToken">Checked every 256 rows.</param>
    /// <param name="progress">Receives the count of rows read (<see cref="FeaturizationProgress.Rows"/>), throttled.</param>
    public static Dictionary<string, FeatureMatrix> Read(
        IDataView view, IReadOnlyList<string> columns, int rowCount, CancellationToken cancellationToken = default, IProgress<FeaturizationProgress>? progress = null)
    {
        var tally = progress is not null && rowCount > 0 ? new ProgressTally(FeaturizationProgress.Rows, rowCount, progress) : null;
        var rows = columns.Select(_ => new VBuffer<float>[rowCount]).ToArray();
        var schemaColumns = columns.Select(c => view.Schema[c]).ToArray();
        using var cursor = view.GetRowCursor(schemaColumns);
        var getters = schemaColumns.Select(c => cursor.GetGetter<VBuffer<float>>(c)).ToArray();
        var buffer = default(VBuffer<float>);
        int row = 0;
        while (cursor.MoveNext())
        {
            if ((row & 255) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                tally?.AtLeast(row);
            }

            for (int c = 0; c < columns.Count; c++)
            {
                // ML.NET reuses its row buffer, so each vector is copied.
                getters[c](ref buffer);
                var copy = default(VBuffer<float>);
                buffer.CopyTo(ref copy);
                rows[c][row] = copy;
            }

            row++;
        }

        tally?.Complete();
        var result = new Dictionary<string, FeatureMatrix>(StringComparer.Ordinal);
        for (int c = 0; c < columns.Count; c++)
        {
            result[columns[c]] = new FeatureMatrix(rows[c], rowCount == 0 ? ((VectorDataViewType)schemaColumns[c].Type).Size : rows[c][0].Length);
        }

        return result;
    }

    /// <summary>Dense rows, e.g. the out-of-fold scores a stacker learns from.</summary>
    /// <param name="rows">One array per row, all of one length.</param>
    public static FeatureMatrix Dense(IReadOnlyList<float[]> rows) =>
        new(rows.Select(r => new VBuffer<float>(r.Length, r)).ToArray(), rows.Count == 0 ? 0 : rows[0].Length);

    /// <summary>The rows at <paramref name="rows"/>, in that order (a row may repeat).</summary>
    /// <param name="rows">Row indices.</param>
    public FeatureMatrix Select(IReadOnlyList<int> rows) => new(rows.Select(i => Rows[i]).ToArray(), Length);

    /// <summary>Every row cut down to some slot ranges, concatenated in the order given (sparse rows stay sparse).</summary>
    /// <param name="ranges">Start and width of each range, in increasing order, not overlapping.</param>
    public FeatureMatrix SelectSlots(IReadOnlyList<(int Start, int Width)> ranges)
    {
        int width = ranges.Sum(r => r.Width);

        // Where each kept slot lands, or -1 for a slot that is left out.
        var target = new int[Length];
        Array.Fill(target, -1);
        int next = 0;
        foreach (var (start, count) in ranges)
        {
            for (int slot = start; slot < start + count; slot++)
            {
                target[slot] = next++;
            }
        }

        var rows = new VBuffer<float>[Rows.Length];
        for (int r = 0; r < Rows.Length; r++)
        {
            var values = Rows[r].GetValues();
            if (Rows[r].IsDense)
            {
                var dense = new float[width];
                for (int slot = 0; slot < values.Length; slot++)
                {
                    if (target[slot] >= 0)
                    {
                        dense[target[slot]] = values[slot];
                    }
                }

                rows[r] = new VBuffer<float>(width, dense);
                continue;
            }

            var indices = Rows[r].GetIndices();
            var keptValues = new List<float>();
            var keptIndices = new List<int>();
            for (int i = 0; i < indices.Length; i++)
            {
                if (target[indices[i]] >= 0)
                {
                    keptIndices.Add(target[indices[i]]);
                    keptValues.Add(values[i]);
                }
            }

            rows[r] = new VBuffer<float>(width, keptValues.Count, keptValues.ToArray(), keptIndices.ToArray());
        }

        return new FeatureMatrix(rows, width);
    }
}
