namespace CrossModalML.Demo;

/// <summary>Draws from <see cref="Random"/> using only exact arithmetic, so results never depend on the platform's math library.</summary>
internal static class DemoRandom
{
    /// <summary>An approximately standard-normal draw: the Irwin–Hall sum of twelve uniforms, shifted to mean 0 (range −6 to 6).</summary>
    public static double NextStandardNormal(this Random random)
    {
        double sum = 0;
        for (int i = 0; i < 12; i++)
        {
            sum += random.NextDouble();
        }

        return sum - 6;
    }

    public static bool NextBool(this Random random, double probability) => random.NextDouble() < probability;

    public static double NextDouble(this Random random, double min, double max) => min + ((max - min) * random.NextDouble());

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>Index drawn with probability proportional to its weight.</summary>
    public static int PickWeighted(this Random random, IReadOnlyList<double> weights)
    {
        double total = 0;
        foreach (double weight in weights)
        {
            total += weight;
        }

        double target = random.NextDouble() * total;
        for (int i = 0; i < weights.Count; i++)
        {
            target -= weights[i];
            if (target < 0)
            {
                return i;
            }
        }

        // Rounding can leave a sliver of the total unclaimed; it belongs to the last item.
        return weights.Count - 1;
    }

    public static void Shuffle<T>(this Random random, IList<T> items)
    {
        for (int i = items.Count - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
