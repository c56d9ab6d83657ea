using CrossModalML.Data;
using CrossModalML.Featurization;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace CrossModalML.Analysis.Embedding;

/// <summary>
/// Turns posts into dense fused vectors for clustering, profiles and similarity: each modality is featurized with
/// the toolkit's featurizer, reduced to a few principal components when wide, standardised, and the blocks joined.
/// </summary>
/// <remarks>
/// Deterministic for a seed. Standardising each dimension and (by default) giving each modality the same mean
/// squared length keeps one wide block — text n-grams, say — from deciding every distance. Featurizers are fitted on
/// the posts given; the result describes those posts and is not a model for new ones.
/// </remarks>
internal static class PostEmbedder
{
    private const string ReducedColumn = "__cm_embedding_reduced";
    private const string NormalizedColumn = "__cm_embedding_unit";

    /// <summary>Embeds every post of <paramref name="posts"/>.</summary>
    /// <param name="mlContext">The context to fit in.</param>
    /// <param name="posts">The posts; needs at least one column of an embedded modality.</param>
    /// <param name="options">Dimensions, modalities and seed; <c>null</c> for the defaults.</param>
    /// <exception cref="ArgumentException">No column of the chosen modalities exists.</exception>
    public static PostEmbeddings Embed(MLContext mlContext, PostDataset posts, PostEmbeddingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(posts);
        options ??= new PostEmbeddingOptions();
        options.Validate();

        var blocks = new List<EmbeddingBlock>();
        var parts = new List<float[][]>();
        foreach (var modality in new[] { Modality.Text, Modality.Image, Modality.Metadata })
        {
            if (!options.Featurizer.Modalities.HasFlag(modality) || !posts.Columns.Any(c => Belongs(c.Role, modality)))
            {
                continue;
            }

            var (matrix, sourceWidth, reduced) = EmbedModality(mlContext, posts, modality, options);
            if (reduced)
            {
                Centre(matrix, options.BalanceModalities);
            }
            else
            {
                Standardise(matrix, options.BalanceModalities);
            }

            blocks.Add(new EmbeddingBlock(modality, blocks.Sum(b => b.Length), matrix.Length == 0 ? 0 : matrix[0].Length, sourceWidth));
            parts.Add(matrix);
        }

        if (blocks.Count == 0)
        {
            throw new ArgumentException(
                $"No column to embed with modalities '{options.Featurizer.Modalities}'. Columns: " +
                string.Join(", ", posts.Columns.Select(c => $"{c.Name} ({c.Role})")) + ".");
        }

        var vectors = new float[posts.RowCount][];
        for (int row = 0; row < vectors.Length; row++)
        {
            vectors[row] = parts.SelectMany(p => p[row]).ToArray();
        }

        return new PostEmbeddings(vectors, blocks);
    }

    internal static bool Belongs(ColumnRole role, Modality modality) => modality switch
    {
        Modality.Text => role == ColumnRole.Text,
        Modality.Image => role == ColumnRole.Image,
        Modality.Metadata => role is ColumnRole.Numeric or ColumnRole.Categorical or ColumnRole.Timestamp,
        _ => false,
    };

    private static (float[][] Matrix, int SourceWidth, bool Reduced) EmbedModality(MLContext mlContext, PostDataset posts, Modality modality, PostEmbeddingOptions options)
    {
        var featurizerOptions = new FeaturizerOptions
        {
            Modalities = modality,
            Text = options.Featurizer.Text,
            Image = options.Featurizer.Image,
            Metadata = options.Featurizer.Metadata,
        };
        var pipeline = CrossModalFeaturizer.Build(mlContext, posts.Columns, featurizerOptions);
        var featurized = mlContext.Data.Cache(pipeline.Estimator.Fit(posts.DataView).Transform(posts.DataView));
        var features = featurized.Schema[FeaturizationPipeline.FeaturesColumnName];
        int width = features.Type is VectorDataViewType { IsKnownSize: true } vector ? vector.Size : 0;
        int keep = options.DimensionsOf(modality);
        if (width <= keep || posts.RowCount <= keep)
        {
            return (Read(featurized, FeaturizationPipeline.FeaturesColumnName), width, false);
        }

        // Unit-length rows first, so long posts and many-image posts do not dominate the components.
        var estimator = mlContext.Transforms.NormalizeLpNorm(NormalizedColumn, FeaturizationPipeline.FeaturesColumnName)
            .Append(mlContext.Transforms.ProjectToPrincipalComponents(ReducedColumn, NormalizedColumn, rank: keep, seed: options.Seed));
        var reduced = estimator.Fit(featurized).Transform(featurized);
        return (Read(reduced, ReducedColumn), width, true);
    }

    private static float[][] Read(IDataView view, string columnName)
    {
        var column = view.Schema[columnName];
        var rows = new List<float[]>();
        using var cursor = view.GetRowCursor([column]);
        var getter = cursor.GetGetter<VBuffer<float>>(column);
        var buffer = default(VBuffer<float>);
        while (cursor.MoveNext())
        {
            getter(ref buffer);
            rows.Add(buffer.DenseValues().ToArray());
        }

        return rows.ToArray();
    }

    // Centres principal components without rescaling them one by one (that would give noise components the weight
    // of the leading ones); with balancing, scales the block to mean squared length 1.
    internal static void Centre(float[][] matrix, bool balance)
    {
        if (matrix.Length == 0)
        {
            return;
        }

        int width = matrix[0].Length;
        var means = new double[width];
        foreach (var row in matrix)
        {
            for (int j = 0; j < width; j++)
            {
                means[j] += float.IsFinite(row[j]) ? row[j] : 0;
            }
        }

        double squares = 0;
        foreach (var row in matrix)
        {
            for (int j = 0; j < width; j++)
            {
                double v = (float.IsFinite(row[j]) ? row[j] : means[j] / matrix.Length) - (means[j] / matrix.Length);
                row[j] = (float)v;
                squares += v * v;
            }
        }

        double meanSquare = squares / matrix.Length;
        if (balance && meanSquare > 1e-18)
        {
            float scale = (float)(1 / Math.Sqrt(meanSquare));
            foreach (var row in matrix)
            {
                for (int j = 0; j < width; j++)
                {
                    row[j] *= scale;
                }
            }
        }
    }

    // Z-scores every dimension (constant ones become 0); with balancing, scales the block to mean squared length 1.
    private static void Standardise(float[][] matrix, bool balance)
    {
        if (matrix.Length == 0)
        {
            return;
        }

        int width = matrix[0].Length;
        int kept = 0;
        for (int j = 0; j < width; j++)
        {
            double mean = 0, square = 0;
            foreach (var row in matrix)
            {
                double v = float.IsFinite(row[j]) ? row[j] : 0;
                mean += v;
                square += v * v;
            }

            mean /= matrix.Length;
            double sd = Math.Sqrt(Math.Max(0, (square / matrix.Length) - (mean * mean)));
            if (sd > 1e-9)
            {
                kept++;
            }

            foreach (var row in matrix)
            {
                double v = float.IsFinite(row[j]) ? row[j] : mean;
                row[j] = sd > 1e-9 ? (float)((v - mean) / sd) : 0f;
            }
        }

        if (balance && kept > 0)
        {
            float scale = (float)(1 / Math.Sqrt(kept));
            foreach (var row in matrix)
            {
                for (int j = 0; j < width; j++)
                {
                    row[j] *= scale;
                }
            }
        }
    }
}
