using Microsoft.ML;
using Microsoft.ML.Data;

namespace CrossModalML.Prediction;

/// <summary>A single settable input row that a scoring engine reuses for every post.</summary>
/// <remarks>Not thread-safe: one engine, one thread at a time. <see cref="Advance"/> moves to a new position before
/// each post, because ML.NET transforms (ONNX among them) cache their last output by row position.</remarks>
internal sealed class ScoringInputRow : DataViewRow
{
    private readonly ReadOnlyMemory<char>[] _texts;
    private readonly float[] _numbers;
    private long _position = -1;

    public ScoringInputRow(DataViewSchema schema)
    {
        Schema = schema;
        _texts = new ReadOnlyMemory<char>[schema.Count];
        _numbers = new float[schema.Count];
    }

    public override DataViewSchema Schema { get; }

    public override long Position => _position;

    public override long Batch => 0;

    public void Advance() => _position++;

    public void SetText(int index, string value) => _texts[index] = value.AsMemory();

    /// <summary>Images the post named that it is scored without (missing, undecodable or a web address), as warnings for
    /// the prediction; cleared before each post is written into the row.</summary>
    public List<string> ImageWarnings { get; } = [];

    public void SetNumber(int index, float value) => _numbers[index] = value;

    public string GetText(int index) => _texts[index].ToString();

    public override bool IsColumnActive(DataViewSchema.Column column) => true;

    public override ValueGetter<DataViewRowId> GetIdGetter() =>
        (ref DataViewRowId value) => value = new DataViewRowId((ulong)_position, 0);

    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
    {
        int index = column.Index;
        if (typeof(TValue) == typeof(float))
        {
            ValueGetter<float> number = (ref float value) => value = _numbers[index];
            return (ValueGetter<TValue>)(Delegate)number;
        }

        if (typeof(TValue) == typeof(ReadOnlyMemory<char>))
        {
            ValueGetter<ReadOnlyMemory<char>> text = (ref ReadOnlyMemory<char> value) => value = _texts[index];
            return (ValueGetter<TValue>)(Delegate)text;
        }

        throw new InvalidOperationException($"Column '{column.Name}' of the scoring row is {column.Type}; a getter of {typeof(TValue).Name} cannot read it.");
    }
}
