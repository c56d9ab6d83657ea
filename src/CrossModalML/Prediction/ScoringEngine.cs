using CrossModalML.Data;
using CrossModalML.Training;
using Microsoft.ML;
using Microsoft.ML.Data;
using CrossModalML.Evaluation;
using CrossModalML.Packaging;

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
    private readonly ValueGetter<bool>? _decision;
    private readonly TaskOutput[] _tasks;
    private VBuffer<float> _buffer;

    /// <param name="model">The loaded model.</param>
    /// <param name="inputSchema">The columns a post is scored from.</param>
    /// <param name="task">The main task.</param>
    /// <param name="tasks">The tasks of a multi-task model; <c>null</c> otherwise.</param>
    /// <param name="readDecision">Also read a binary model's own <c>PredictedLabel</c> (its chain applies the tuned threshold).</param>
    public ScoringEngine(ITransformer model, DataViewSchema inputSchema, TaskKind task, IReadOnlyList<TaskResult>? tasks, bool readDecision = false)
    {
        Input = new ScoringInputRow(inputSchema);
        var mapper = model.GetRowToRowMapper(inputSchema);
        var outputSchema = mapper.OutputSchema;
        _binaryIsCalibrated = task == TaskKind.Binary && outputSchema.GetColumnOrNull(ModelColumns.Probability) is not null;
        var column = outputSchema[_binaryIsCalibrated ? ModelColumns.Probability : ModelColumns.Score];
        var taskColumns = (tasks ?? []).Select(t =>
        {
            bool calibrated = t.Task == TaskKind.Binary && outputSchema.GetColumnOrNull(TaskColumns.Probability(t.Name)) is not null;
            return (Task: t, Calibrated: calibrated, Column: outputSchema[calibrated ? TaskColumns.Probability(t.Name) : TaskColumns.Score(t.Name)]);
        }).ToList();
        var decisionColumn = readDecision ? outputSchema[ModelColumns.PredictedLabel] : (DataViewSchema.Column?)null;
        _output = mapper.GetRow(Input, [column, .. taskColumns.Select(t => t.Column), .. decisionColumn is { } d ? new[] { d } : []]);
        _decision = decisionColumn is { } decided ? _output.GetGetter<bool>(decided) : null;
        if (task == TaskKind.Multiclass)
        {
            _vector = _output.GetGetter<VBuffer<float>>(column);
        }
        else
        {
            _scalar = _output.GetGetter<float>(column);
        }

        _tasks = taskColumns.Select(t => t.Task.Task == TaskKind.Multiclass
            ? new TaskOutput(t.Task, t.Calibrated, null, _output.GetGetter<VBuffer<float>>(t.Column))
            : new TaskOutput(t.Task, t.Calibrated, _output.GetGetter<float>(t.Column), null)).ToArray();
    }

    /// <summary>The tasks of a multi-task model, in manifest order; empty for a single-task model.</summary>
    public IReadOnlyList<TaskOutput> Tasks => _tasks;

    /// <summary>Reads a task's output of the post just scored by <see cref="ScoreScalar"/> or <see cref="ScoreVector"/>
    /// (the row does not advance): the value for regression, the scalar for binary, the scores into <paramref name="scores"/> for multiclass.</summary>
    public float ReadTask(int index, float[] scores)
    {
        var output = _tasks[index];
        if (output.Vector is { } vector)
        {
            vector(ref _buffer);
            Array.Clear(scores);
            _buffer.CopyTo(scores.AsSpan(0, Math.Min(scores.Length, _buffer.Length)));
            return 0;
        }

        float value = 0;
        output.Scalar!(ref value);
        return value;
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

    /// <summary>The model's own <c>PredictedLabel</c> of the binary post just scored by <see cref="ScoreScalar"/> (the row
    /// does not advance); only for an engine built to read it.</summary>
    public bool ReadDecision()
    {
        bool positive = false;
        _decision!(ref positive);
        return positive;
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

    /// <summary>Where one task's output is read from.</summary>
    internal sealed record TaskOutput(TaskResult Task, bool BinaryIsCalibrated, ValueGetter<float>? Scalar, ValueGetter<VBuffer<float>>? Vector);
}
