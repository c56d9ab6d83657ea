using CrossModalML.Data;
using CrossModalML.Training;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace CrossModalML.Prediction;

/// <summary>One post at a time through a model's row-to-row mapper, with a reusable input row and output getter.</summary>
/// <remarks>Not thread-safe: a pool hands each engine to one caller at a time. Built once and reused, so a call costs
/// only the model's own work.</remarks>
internal sealed class ScoringEngine : IDisposable
{
    private readonly DataViewRow _output;
    private readonly ValueGetter<float>? _scalar;
    private readonly ValueGetter<VBuffer<float>>? _vector;
    private readonly bool _binaryIsCalibrated;
    private VBuffer<float> _buffer;

    public ScoringEngine(ITransformer model, DataViewSchema inputSchema, TaskKind task)
    {
        Input = new ScoringInputRow(inputSchema);
        var mapper = model.GetRowToRowMapper(inputSchema);
        var outputSchema = mapper.OutputSchema;
        _binaryIsCalibrated = task == TaskKind.Binary && outputSchema.GetColumnOrNull(ModelColumns.Probability) is not null;
        var column = outputSchema[_binaryIsCalibrated ? ModelColumns.Probability : ModelColumns.Score];
        _output = mapper.GetRow(Input, [column]);
        if (task == TaskKind.Multiclass)
        {
            _vector = _output.GetGetter<VBuffer<float>>(column);
        }
        else
        {
            _scalar = _output.GetGetter<float>(column);
        }
    }

    public ScoringInputRow Input { get; }

    /// <summary>Scores the values set on <see cref="Input"/>: a value for regression, probabilities otherwise.</summary>
    public float ScoreScalar()
    {
        Input.Advance();
        float value = 0;
        _scalar!(ref value);
        return value;
    }

    /// <summary>Whether a binary model's scalar is a calibrated probability rather than a margin.</summary>
    public bool BinaryIsCalibrated => _binaryIsCalibrated;

    /// <summary>Scores the values set on <see cref="Input"/> of a multiclass model into <paramref name="scores"/>.</summary>
    public void ScoreVector(float[] scores)
    {
        Input.Advance();
        _vector!(ref _buffer);
        Array.Clear(scores);
        _buffer.CopyTo(scores.AsSpan(0, Math.Min(scores.Length, _buffer.Length)));
    }

    public void Dispose() => _output.Dispose();
}
