namespace CrossModalML.Evaluation;

/// <summary>Summary statistics of a sample of scores.</summary>
internal static class SampleStatistics
{
    /// <summary>The sample standard deviation (divided by n − 1); NaN for fewer than 2 values.</summary>
    /// <param name="values">The sample.</param>
    public static double StandardDeviation(IReadOnlyCollection<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count < 2)
        {
            return double.NaN;
        }

        double mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }
}
