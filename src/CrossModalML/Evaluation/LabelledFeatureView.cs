using CrossModalML.Data;
using CrossModalML.Featurization;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace CrossModalML.Evaluation;

/// <summary>The one in-memory training view of cached features: some rows' feature vectors under a chosen column name,
/// their <see cref="ModelColumns.EncodedLabel"/> and <see cref="ModelColumns.ClassWeight"/>, and optionally a second vector
/// column.</summary>
/// <remarks>The encoded label has the type the label encoding of a full pipeline writes (a boolean for binary, a key with
/// the class names as key values for multiclass, a float for regression), so a model fitted on this view reads real
/// pipeline data the same way, and a multiclass key maps back to its class text. Rows come in the order given and may
/// repeat (over-sampling).</remarks>
internal static class LabelledFeatureView
{
    /// <summary>Builds the view.</summary>
    /// <param name="mlContext">The context the view is loaded in.</param>
    /// <param name="labels">The labels of every row.</param>
    /// <param name="rows">Row indices into <paramref name="labels"/>.</param>
    /// <param name="featureColumn">The name of the feature column.</param>
    /// <param name="features">The features of <paramref name="rows"/>, aligned with it.</param>
    /// <param name="extra">A second vector column (name and values aligned with <paramref name="rows"/>), or <c>null</c>.</param>
    /// <exception cref="ArgumentException">The vectors are not aligned with <paramref name="rows"/>.</exception>
    public static IDataView Create(
        MLContext mlContext, EncodedLabels labels, IReadOnlyList<int> rows, string featureColumn, FeatureMatrix features, (string Name, FeatureMatrix Values)? extra = null)
    {
        if (features.Rows.Length != rows.Count || extra is { } misaligned && misaligned.Values.Rows.Length != rows.Count)
        {
            throw new ArgumentException($"The feature vectors must be aligned with the {rows.Count} rows; got {features.Rows.Length} feature rows{(extra is { } e ? $" and {e.Values.Rows.Length} rows of '{e.Name}'" : string.Empty)}.", nameof(features));
        }

        // The definition finds a column by its current name, so each column is held before it is renamed.
        var definition = SchemaDefinition.Create(typeof(Row));
        var featureDefinition = definition[nameof(Row.Features)];
        featureDefinition.ColumnType = new VectorDataViewType(NumberDataViewType.Single, features.Length);
        featureDefinition.ColumnName = featureColumn;
        if (extra is { } second)
        {
            var extraDefinition = definition[nameof(Row.Extra)];
            extraDefinition.ColumnType = new VectorDataViewType(NumberDataViewType.Single, second.Values.Length);
            extraDefinition.ColumnName = second.Name;
        }
        else
        {
            definition.Remove(definition[nameof(Row.Extra)]);
        }

        string labelMember = labels.Task switch
        {
            TaskKind.Binary => nameof(Row.IsPositive),
            TaskKind.Multiclass => nameof(Row.ClassKey),
            _ => nameof(Row.Value),
        };
        foreach (var unused in new[] { nameof(Row.IsPositive), nameof(Row.ClassKey), nameof(Row.Value) }.Where(n => n != labelMember))
        {
            definition.Remove(definition[unused]);
        }

        var label = definition[labelMember];
        label.ColumnName = ModelColumns.EncodedLabel;
        if (labels.Task == TaskKind.Multiclass)
        {
            int classCount = labels.Classes.Count;
            label.ColumnType = new KeyDataViewType(typeof(uint), classCount);

            // Class names on the key let the trainer name its score slots and let the predicted key be mapped back to text.
            var names = new VBuffer<ReadOnlyMemory<char>>(classCount, labels.Classes.Select(c => c.AsMemory()).ToArray());
            label.AddAnnotation("KeyValues", names, new VectorDataViewType(TextDataViewType.Instance, classCount));
        }

        definition[nameof(Row.ClassWeight)].ColumnName = ModelColumns.ClassWeight;
        var items = new List<Row>(rows.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            int row = rows[i];
            items.Add(new Row
            {
                Features = features.Rows[i],
                Extra = extra is { } values ? values.Values.Rows[i] : default,
                IsPositive = labels.Task == TaskKind.Binary && labels.ClassIndices[row] == 1,

                // LoadFromEnumerable reads a key field as a 0-based index and adds one.
                ClassKey = labels.Task == TaskKind.Multiclass ? (uint)labels.ClassIndices[row] : 0,
                Value = labels.Values?[row] ?? 0,
                ClassWeight = labels.RowWeights?[row] ?? 1f,
            });
        }

        return mlContext.Data.LoadFromEnumerable(items, definition);
    }

    /// <summary>One row; the label field that fits the task is renamed to the encoded label column, the others are left out.</summary>
    private sealed class Row
    {
        public VBuffer<float> Features { get; set; }

        public VBuffer<float> Extra { get; set; }

        public bool IsPositive { get; set; }

        public uint ClassKey { get; set; }

        public float Value { get; set; }

        public float ClassWeight { get; set; }
    }
}
