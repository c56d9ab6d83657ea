using CrossModalML.Data;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace CrossModalML.Evaluation;

/// <summary>Turns a label column into the encoded label a model is scored against (a key for multiclass, a boolean for
/// binary, a float for regression); fitted apart from the saved model, so a saved model scores posts without labels.</summary>
internal static class LabelEncoder
{
    /// <summary>The encoding of <paramref name="labelColumn"/> for <paramref name="task"/> over <paramref name="classLabels"/>.</summary>
    internal static IEstimator<ITransformer> Encode(MLContext mlContext, TaskKind task, string labelColumn, IReadOnlyList<string> classLabels)
    {
        switch (task)
        {
            case TaskKind.Binary:
                if (classLabels.Count != 2)
                {
                    throw new ArgumentException($"A binary task needs exactly 2 class labels, got {classLabels.Count}.", nameof(classLabels));
                }

                return mlContext.Transforms.Conversion.MapValue(
                    ModelColumns.EncodedLabel,
                    new[] { new KeyValuePair<string, bool>(classLabels[0], false), new KeyValuePair<string, bool>(classLabels[1], true) },
                    labelColumn);
            case TaskKind.Multiclass:
                var keys = mlContext.Data.LoadFromEnumerable(classLabels.Select(c => new ClassLabelRow { Value = c }));
                return mlContext.Transforms.Conversion.MapValueToKey(ModelColumns.EncodedLabel, labelColumn, keyData: keys);
            case TaskKind.Regression:
                return mlContext.Transforms.CopyColumns(ModelColumns.EncodedLabel, labelColumn);
            default:
                throw new ArgumentException($"Task '{task}' must be resolved before building a pipeline.", nameof(task));
        }
    }

    private sealed class ClassLabelRow
    {
        public string Value { get; set; } = string.Empty;
    }
}
