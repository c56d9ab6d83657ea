using CrossModalML.Data;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace CrossModalML.Evaluation;

/// <summary>Reads a scored <see cref="IDataView"/> into per-post probabilities or values.</summary>
/// <remarks>The same reading serves evaluation and prediction, so both interpret a model's outputs identically.</remarks>
internal static class ScoredOutput
{
    /// <summary>Per-class probabilities of each row, in class order. Binary models give [1 − p, p].</summary>
    /// <param name="scored">The output of a classification model.</param>
    /// <param name="task">Binary or multiclass.</param>
    /// <param name="classCount">Number of classes.</param>
    /// <param name="columnPrefix">Prefix of the output columns: empty for a model's own outputs, <c>"task."</c> for one
    /// task of a multi-task model (see <see cref="TaskColumns"/>).</param>
    public static List<float[]> ReadProbabilities(IDataView scored, TaskKind task, int classCount, string columnPrefix = "")
    {
        ArgumentNullException.ThrowIfNull(scored);
        ArgumentNullException.ThrowIfNull(columnPrefix);
        var result = new List<float[]>();
        if (task == TaskKind.Binary)
        {
            bool calibrated = scored.Schema.GetColumnOrNull(columnPrefix + ModelColumns.Probability) is not null;
            var column = scored.Schema[columnPrefix + (calibrated ? ModelColumns.Probability : ModelColumns.Score)];
            using var cursor = scored.GetRowCursor(new[] { column });
            var getter = cursor.GetGetter<float>(column);
            float value = 0;
            while (cursor.MoveNext())
            {
                getter(ref value);
                float p = BinaryProbability(value, calibrated);
                result.Add([1f - p, p]);
            }

            return result;
        }

        var scoreColumn = scored.Schema[columnPrefix + ModelColumns.Score];
        using (var cursor = scored.GetRowCursor(new[] { scoreColumn }))
        {
            var getter = cursor.GetGetter<VBuffer<float>>(scoreColumn);
            var buffer = default(VBuffer<float>);
            while (cursor.MoveNext())
            {
                getter(ref buffer);
                var dense = new float[classCount];
                buffer.CopyTo(dense);
                Normalize(dense);
                result.Add(dense);
            }
        }

        return result;
    }

    /// <summary>A binary model's positive-class probability from its scalar output: a calibrated <c>Probability</c> as is,
    /// an uncalibrated margin (perceptron, SVM) through a logistic; NaN counts as 0.5.</summary>
    /// <param name="value">The model's <c>Probability</c>, or its <c>Score</c> when it has no probability.</param>
    /// <param name="calibrated">Whether <paramref name="value"/> is a probability.</param>
    public static float BinaryProbability(float value, bool calibrated)
    {
        float p = calibrated ? value : 1f / (1f + MathF.Exp(-value));
        return float.IsNaN(p) ? 0.5f : Math.Clamp(p, 0f, 1f);
    }

    /// <summary>Each row's <c>PredictedLabel</c> of a binary model: the decision of a model whose chain applies its own
    /// threshold (see <see cref="BinaryDecision.InModel"/>).</summary>
    /// <param name="scored">The output of a binary model.</param>
    /// <param name="columnPrefix">Prefix of the output columns, as for <see cref="ReadProbabilities"/>.</param>
    public static List<bool> ReadDecisions(IDataView scored, string columnPrefix = "")
    {
        ArgumentNullException.ThrowIfNull(scored);
        return scored.GetColumn<bool>(columnPrefix + ModelColumns.PredictedLabel).ToList();
    }

    /// <summary>The predicted value of each row of a regression model's output.</summary>
    /// <param name="scored">The output of a regression model.</param>
    /// <param name="columnPrefix">Prefix of the output columns, as for <see cref="ReadProbabilities"/>.</param>
    public static List<float> ReadValues(IDataView scored, string columnPrefix = "")
    {
        ArgumentNullException.ThrowIfNull(scored);
        ArgumentNullException.ThrowIfNull(columnPrefix);
        return scored.GetColumn<float>(columnPrefix + ModelColumns.Score).ToList();
    }

    /// <summary>The true class index of each row, read from <see cref="ModelColumns.EncodedLabel"/>.</summary>
    /// <param name="scored">Scored data that still carries the encoded label.</param>
    /// <param name="task">Binary or multiclass.</param>
    public static List<int> ReadClassIndices(IDataView scored, TaskKind task)
    {
        ArgumentNullException.ThrowIfNull(scored);
        return task == TaskKind.Binary
            ? scored.GetColumn<bool>(ModelColumns.EncodedLabel).Select(b => b ? 1 : 0).ToList()
            : scored.GetColumn<uint>(ModelColumns.EncodedLabel).Select(k => (int)k - 1).ToList();
    }

    private static void Normalize(float[] values)
    {
        float sum = 0;
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = float.IsNaN(values[i]) || values[i] < 0 ? 0 : values[i];
            sum += values[i];
        }

        for (int i = 0; i < values.Length; i++)
        {
            values[i] = sum > 0 ? values[i] / sum : 1f / values.Length;
        }
    }

    /// <summary>Each row's raw output in a float or float-vector column, as a model reading that column gets it: a stacked
    /// head reading auxiliary outputs, or a late-fusion stacker reading modality scores.</summary>
    /// <param name="scored">A scored view.</param>
    /// <param name="column">A float column, or a float vector column of <paramref name="length"/> slots.</param>
    /// <param name="length">The vector length (1 for a float column).</param>
    internal static float[][] ReadRaw(IDataView scored, string column, int length)
    {
        var schemaColumn = scored.Schema[column];
        var result = new List<float[]>();
        using var cursor = scored.GetRowCursor([schemaColumn]);
        if (schemaColumn.Type is VectorDataViewType)
        {
            var getter = cursor.GetGetter<VBuffer<float>>(schemaColumn);
            var buffer = default(VBuffer<float>);
            while (cursor.MoveNext())
            {
                getter(ref buffer);
                var dense = new float[length];
                buffer.CopyTo(dense);
                result.Add(dense);
            }
        }
        else
        {
            var getter = cursor.GetGetter<float>(schemaColumn);
            float value = 0;
            while (cursor.MoveNext())
            {
                getter(ref value);
                result.Add([value]);
            }
        }

        return [.. result];
    }
}
