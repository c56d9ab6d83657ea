using System.Globalization;
using System.Text;
using System.Text.Json;
using CrossModalML.Data;
using CrossModalML.IO;
using CrossModalML.Prediction;
using CrossModalML.Evaluation;
using CrossModalML.Packaging;

namespace CrossModalML.Cli.Commands.Predict;

/// <summary>Writes predictions as TSV, CSV or JSON Lines (chosen by the file extension), chunk after chunk, one row per
/// input row, in the order the chunks are given. A multi-task model writes every task's columns, prefixed with the
/// task's name (<c>topic.predicted_label</c>, <c>topic.probability_food</c>, ...). Rows go to a temporary file beside the
/// output, which replaces the output only on <see cref="Commit"/>. Not thread-safe.</summary>
internal sealed class PredictionWriter : IDisposable
{
    private readonly StagedFile _file;
    private readonly StreamWriter _writer;
    private readonly TaskKind _task;
    private readonly IReadOnlyList<string> _classLabels;
    private readonly IReadOnlyList<TaskResult> _tasks;
    private readonly bool _jsonLines;
    private readonly char _separator;
    private readonly string _labelName;
    private List<string>? _header;
    private string? _labelColumn;
    private bool _committed;

    /// <summary>A writer of predictions to <paramref name="path"/>.</summary>
    /// <param name="path">The output; its extension picks the format.</param>
    /// <param name="task">The model's (main) task.</param>
    /// <param name="classLabels">The model's classes.</param>
    /// <param name="tasks">A multi-task model's tasks; <c>null</c> for a single-task model.</param>
    /// <param name="labelName">The model's label column, the header of the true labels when a chunk has them.</param>
    public PredictionWriter(string path, TaskKind task, IReadOnlyList<string> classLabels, IReadOnlyList<TaskResult>? tasks = null, string? labelName = null)
    {
        _labelName = labelName ?? "label";
        var extension = Path.GetExtension(path).ToLowerInvariant();
        _task = task;
        _classLabels = classLabels;
        _tasks = tasks ?? [];
        _jsonLines = extension is ".jsonl" or ".ndjson";
        _separator = extension == ".csv" ? ',' : '\t';
        _file = StagedFile.Create(path);
        _writer = new StreamWriter(_file.Stream, new UTF8Encoding(false), bufferSize: 1 << 16, leaveOpen: true) { NewLine = "\n" };
    }

    /// <summary>Writes one chunk. The first chunk fixes the header: its id column, if any, is echoed in every row, and when
    /// it has true labels, every row ends with its label and whether the prediction is right (the error for regression).</summary>
    /// <param name="idColumn">The id column's name, or <c>null</c>.</param>
    /// <param name="ids">The chunk's ids, or <c>null</c>.</param>
    /// <param name="predictions">The chunk's predictions, in row order.</param>
    /// <param name="labels">The chunk's true labels as written (<see cref="TrueLabels.Of"/>), or <c>null</c>.</param>
    public void Write(string? idColumn, IReadOnlyList<string>? ids, IReadOnlyList<PostPrediction> predictions, IReadOnlyList<string>? labels = null)
    {
        if (_header is null)
        {
            _header = Header(idColumn, ids is not null);
            _labelColumn = labels is null ? null : _labelName;
            if (_labelColumn is not null)
            {
                _header.Add(_labelColumn);
                _header.Add(TrueLabels.ComparisonHeader(_task));
            }

            if (!_jsonLines)
            {
                _writer.WriteLine(string.Join(_separator, _header.Select(Escape)));
            }
        }

        bool echoId = _header.Count > 0 && idColumn is not null && _header[0] == idColumn;
        for (int i = 0; i < predictions.Count; i++)
        {
            var values = Values(echoId ? ids?[i] ?? string.Empty : null, predictions[i]);
            if (_labelColumn is not null)
            {
                var label = labels?[i] ?? string.Empty;
                values.Add(label);
                values.Add(TrueLabels.Comparison(_task, label, predictions[i]));
            }

            if (_jsonLines)
            {
                var row = new Dictionary<string, object?>();
                for (int c = 0; c < _header.Count; c++)
                {
                    row[_header[c]] = values[c];
                }

                _writer.WriteLine(JsonSerializer.Serialize(row));
            }
            else
            {
                _writer.WriteLine(string.Join(_separator, values.Select(v => Escape(Format(v)))));
            }
        }
    }

    /// <summary>Moves the complete predictions over the output file. Without it, <see cref="Dispose"/> leaves an existing
    /// output as it was.</summary>
    public void Commit()
    {
        _writer.Flush();
        _file.Commit();
        _committed = true;
    }

    public void Dispose()
    {
        // A StreamWriter that leaves its stream open flushes again on every Dispose; after a commit there is nothing to flush into.
        if (!_committed)
        {
            _writer.Dispose();
        }

        _file.Dispose();
    }

    private List<string> Header(string? idColumn, bool hasIds)
    {
        var header = new List<string>();
        if (hasIds && idColumn is not null)
        {
            header.Add(idColumn);
        }

        if (_tasks.Count == 0)
        {
            AddHeader(header, string.Empty, _task, _classLabels);
        }

        foreach (var task in _tasks)
        {
            AddHeader(header, TaskColumns.Prefix(task.Name), task.Task, task.ClassLabels);
        }

        return header;
    }

    private static void AddHeader(List<string> header, string prefix, TaskKind task, IReadOnlyList<string> classLabels)
    {
        if (task == TaskKind.Regression)
        {
            header.Add(prefix + "predicted_value");
        }
        else
        {
            header.Add(prefix + "predicted_label");
            header.AddRange(classLabels.Select(c => $"{prefix}probability_{c}"));
        }
    }

    private List<object?> Values(string? id, PostPrediction prediction)
    {
        var values = new List<object?>();
        if (id is not null)
        {
            values.Add(id);
        }

        if (_tasks.Count == 0)
        {
            AddValues(values, prediction, _task, _classLabels);
        }

        foreach (var task in _tasks)
        {
            AddValues(values, prediction.Tasks[task.Name], task.Task, task.ClassLabels);
        }

        return values;
    }

    private static void AddValues(List<object?> values, PostPrediction prediction, TaskKind task, IReadOnlyList<string> classLabels)
    {
        if (task == TaskKind.Regression)
        {
            values.Add(prediction.Value);
        }
        else
        {
            values.Add(prediction.PredictedLabel);
            values.AddRange(classLabels.Select(c => (object?)prediction.Probabilities[c]));
        }
    }

    private static string Format(object? value) => value switch
    {
        null => string.Empty,
        float f => f.ToString("G6", CultureInfo.InvariantCulture),
        double d => d.ToString("G6", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    private string Escape(string value)
    {
        if (_separator == '\t')
        {
            // TSV has no quoting: keep one row per line whatever the value holds.
            return value.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');
        }

        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
