using System.Globalization;
using System.Text;
using System.Text.Json;
using CrossModalML.Data;
using CrossModalML.Prediction;

namespace CrossModalML.Cli.Commands;

/// <summary>Writes predictions as TSV, CSV or JSON Lines (chosen by the file extension), one row per input row, in order.</summary>
internal static class PredictionWriter
{
    public static void Write(string path, TaskKind task, IReadOnlyList<string> classLabels, string? idColumn, IReadOnlyList<string>? ids, IReadOnlyList<PostPrediction> predictions)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        var header = new List<string>();
        if (ids is not null)
        {
            header.Add(idColumn!);
        }

        if (task == TaskKind.Regression)
        {
            header.Add("predicted_value");
        }
        else
        {
            header.Add("predicted_label");
            header.AddRange(classLabels.Select(c => $"probability_{c}"));
        }

        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false)) { NewLine = "\n" };
        if (extension is ".jsonl" or ".ndjson")
        {
            for (int i = 0; i < predictions.Count; i++)
            {
                var values = Values(task, classLabels, ids?[i], predictions[i]);
                var row = new Dictionary<string, object?>();
                for (int c = 0; c < header.Count; c++)
                {
                    row[header[c]] = values[c];
                }

                writer.WriteLine(JsonSerializer.Serialize(row));
            }

            return;
        }

        char separator = extension == ".csv" ? ',' : '\t';
        writer.WriteLine(string.Join(separator, header.Select(h => Escape(h, separator))));
        for (int i = 0; i < predictions.Count; i++)
        {
            var values = Values(task, classLabels, ids?[i], predictions[i]);
            writer.WriteLine(string.Join(separator, values.Select(v => Escape(Format(v), separator))));
        }
    }

    private static List<object?> Values(TaskKind task, IReadOnlyList<string> classLabels, string? id, PostPrediction prediction)
    {
        var values = new List<object?>();
        if (id is not null)
        {
            values.Add(id);
        }

        if (task == TaskKind.Regression)
        {
            values.Add(prediction.Value);
        }
        else
        {
            values.Add(prediction.PredictedLabel);
            values.AddRange(classLabels.Select(c => (object?)prediction.Probabilities[c]));
        }

        return values;
    }

    private static string Format(object? value) => value switch
    {
        null => string.Empty,
        float f => f.ToString("G6", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    private static string Escape(string value, char separator)
    {
        if (separator == '\t')
        {
            // TSV has no quoting: keep one row per line whatever the value holds.
            return value.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');
        }

        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
