namespace CrossModalML.Analysis.Embedding;

/// <summary>One dense, fused vector per post, in the data set's row order.</summary>
public sealed class PostEmbeddings
{
    internal PostEmbeddings(float[][] vectors, IReadOnlyList<EmbeddingBlock> blocks)
    {
        Vectors = vectors;
        Blocks = blocks;
    }

    /// <summary>The vectors, one per post, each <see cref="Dimensions"/> long.</summary>
    public IReadOnlyList<float[]> Vectors { get; }

    /// <summary>Which dimensions came from which modality.</summary>
    public IReadOnlyList<EmbeddingBlock> Blocks { get; }

    /// <summary>The length of every vector.</summary>
    public int Dimensions => Blocks.Sum(b => b.Length);

    /// <summary>The element-wise mean of the vectors of the given posts (for a user's profile or a cluster's centre).</summary>
    /// <exception cref="ArgumentException">No row is given.</exception>
    public float[] Mean(IEnumerable<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var sum = new double[Dimensions];
        int count = 0;
        foreach (int row in rows)
        {
            var v = Vectors[row];
            for (int i = 0; i < v.Length; i++)
            {
                sum[i] += v[i];
            }

            count++;
        }

        if (count == 0)
        {
            throw new ArgumentException("The mean of no posts is undefined; give at least one row.", nameof(rows));
        }

        return sum.Select(s => (float)(s / count)).ToArray();
    }
}
