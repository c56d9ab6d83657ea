using Microsoft.ML;
using Microsoft.ML.Data;

namespace CrossModalML.Data;

/// <summary>An <see cref="IDataView"/> over columns already in memory: <see cref="float"/> arrays for numbers and
/// string arrays exposed as text.</summary>
/// <remarks>Immutable and safe to read from several cursors at once. Rows come in stored order; it cannot shuffle,
/// so ML.NET shuffles through its own transforms when it must.</remarks>
internal sealed class InMemoryDataView : IDataView
{
    private readonly IReadOnlyList<InMemoryColumn> _columns;
    private readonly int _rowCount;

    public InMemoryDataView(IReadOnlyList<InMemoryColumn> columns, int rowCount)
    {
        _columns = columns;
        _rowCount = rowCount;
        var builder = new DataViewSchema.Builder();
        foreach (var column in columns)
        {
            builder.AddColumn(column.Name, column.Numbers is null ? TextDataViewType.Instance : NumberDataViewType.Single);
        }

        Schema = builder.ToSchema();
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => _rowCount;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        ArgumentNullException.ThrowIfNull(columnsNeeded);
        var active = new bool[_columns.Count];
        foreach (var column in columnsNeeded)
        {
            if (column.Index < 0 || column.Index >= active.Length || !string.Equals(Schema[column.Index].Name, column.Name, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Column '{column.Name}' does not belong to this data view's schema.", nameof(columnsNeeded));
            }

            active[column.Index] = true;
        }

        return new Cursor(this, active);
    }

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];

    private sealed class Cursor : DataViewRowCursor
    {
        private readonly InMemoryDataView _view;
        private readonly bool[] _active;
        private long _position = -1;
        private bool _done;

        public Cursor(InMemoryDataView view, bool[] active)
        {
            _view = view;
            _active = active;
        }

        public override long Position => _position;

        public override long Batch => 0;

        public override DataViewSchema Schema => _view.Schema;

        public override bool IsColumnActive(DataViewSchema.Column column) =>
            column.Index >= 0 && column.Index < _active.Length && _active[column.Index];

        public override bool MoveNext()
        {
            if (_done)
            {
                return false;
            }

            if (_position + 1 < _view._rowCount)
            {
                _position++;
                return true;
            }

            _done = true;
            _position = -1;
            return false;
        }

        public override ValueGetter<DataViewRowId> GetIdGetter() =>
            (ref DataViewRowId value) =>
            {
                EnsureOnRow();
                value = new DataViewRowId((ulong)_position, 0);
            };

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (!IsColumnActive(column))
            {
                throw new InvalidOperationException($"Column '{column.Name}' was not requested when this cursor was created; include it in columnsNeeded.");
            }

            var data = _view._columns[column.Index];
            if (data.Numbers is { } numbers)
            {
                if (typeof(TValue) != typeof(float))
                {
                    throw new InvalidOperationException($"Column '{column.Name}' holds Single values; ask for a getter of float, not {typeof(TValue).Name}.");
                }

                ValueGetter<float> numberGetter = (ref float value) =>
                {
                    EnsureOnRow();
                    value = numbers[_position];
                };
                return (ValueGetter<TValue>)(Delegate)numberGetter;
            }

            if (typeof(TValue) != typeof(ReadOnlyMemory<char>))
            {
                throw new InvalidOperationException($"Column '{column.Name}' holds text; ask for a getter of ReadOnlyMemory<char>, not {typeof(TValue).Name}.");
            }

            var texts = data.Texts!;
            ValueGetter<ReadOnlyMemory<char>> textGetter = (ref ReadOnlyMemory<char> value) =>
            {
                EnsureOnRow();
                value = texts[_position].AsMemory();
            };
            return (ValueGetter<TValue>)(Delegate)textGetter;
        }

        private void EnsureOnRow()
        {
            if (_position < 0)
            {
                throw new InvalidOperationException("The cursor is not on a row; call MoveNext and check that it returned true before reading values.");
            }
        }
    }
}
