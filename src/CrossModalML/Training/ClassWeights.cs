namespace CrossModalML.Training;

/// <summary>Balanced class weights: every class contributes the same total weight to a trainer's loss.</summary>
internal static class ClassWeights
{
    /// <summary>Weight per class, in <paramref name="classLabels"/> order: rows / (classes × rows of the class).
    /// A class with no rows gets weight 1.</summary>
    /// <param name="labels">The training rows' labels.</param>
    /// <param name="classLabels">The classes.</param>
    public static float[] Balanced(IReadOnlyList<string> labels, IReadOnlyList<string> classLabels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(classLabels);
        var index = classLabels.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        var counts = new int[classLabels.Count];
        foreach (var label in labels)
        {
            if (index.TryGetValue(label, out int i))
            {
                counts[i]++;
            }
        }

        int total = counts.Sum();
        return counts.Select(n => n == 0 ? 1f : (float)total / (classLabels.Count * n)).ToArray();
    }
}
