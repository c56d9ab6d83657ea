using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace CrossModalML.Analysis.Clustering;

/// <summary>
/// k-means (ML.NET's k-means++ trainer) with the number of clusters chosen automatically, by silhouette or
/// Davies–Bouldin index, over a range of counts.
/// </summary>
/// <remarks>
/// Deterministic for a seed: every fit is single-threaded and seeded. Each count is fitted
/// <see cref="Restarts"/> times from different seeds and the fit with the lowest within-cluster sum of squares is
/// kept. Points should be on comparable scales (standardise first, as <c>PostEmbedder</c> does).
/// </remarks>
internal static class AutoKMeans
{
    /// <summary>Fits per tried count.</summary>
    public const int Restarts = 3;

    /// <summary>Clusters <paramref name="points"/>, trying every count from <see cref="ClusteringOptions.MinClusters"/> to <see cref="ClusteringOptions.MaxClusters"/>.</summary>
    /// <param name="points">Points of equal, non-zero length with finite values.</param>
    /// <param name="options">The range of counts, criterion and seed; <c>null</c> for the defaults.</param>
    /// <param name="cancellationToken">Stops between fits.</param>
    /// <exception cref="ArgumentException">The points are empty, ragged or hold a non-finite value, or there are too few of them.</exception>
    public static ClusteringResult Fit(IReadOnlyList<float[]> points, ClusteringOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(points);
        options ??= new ClusteringOptions();
        options.Validate(points.Count);
        int width = CheckPoints(points);

        int maxCount = Math.Min(options.MaxClusters, points.Count - 1);
        var sample = Sample(points.Count, options.SilhouetteSampleSize, options.Seed);
        var samplePoints = sample.Select(i => points[i]).ToArray();
        var scores = new List<ClusterCountScore>();
        (int[] Assignments, float[][] Centroids, ClusterCountScore Score)? best = null;
        for (int k = options.MinClusters; k <= maxCount; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (assignments, centroids) = FitCount(points, width, k, options.Seed);
            var score = new ClusterCountScore(
                k,
                ClusterQuality.Silhouette(samplePoints, sample.Select(i => assignments[i]).ToArray()),
                ClusterQuality.DaviesBouldin(points, assignments, centroids));
            scores.Add(score);
            if (best is null || Better(score, best.Value.Score, options.Criterion))
            {
                best = (assignments, centroids, score);
            }
        }

        return new ClusteringResult(best!.Value.Assignments, best.Value.Centroids, scores, best.Value.Score);
    }

    /// <summary>Clusters <paramref name="points"/> into exactly <paramref name="clusterCount"/> groups.</summary>
    public static ClusteringResult FitFixed(IReadOnlyList<float[]> points, int clusterCount, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(points);
        return Fit(points, new ClusteringOptions { MinClusters = clusterCount, MaxClusters = clusterCount, Seed = seed });
    }

    private static bool Better(ClusterCountScore candidate, ClusterCountScore incumbent, ClusterCountCriterion criterion) =>
        criterion == ClusterCountCriterion.Silhouette
            ? candidate.Silhouette > incumbent.Silhouette + 1e-12
            : candidate.DaviesBouldin < incumbent.DaviesBouldin - 1e-12;

    private static (int[] Assignments, float[][] Centroids) FitCount(IReadOnlyList<float[]> points, int width, int k, int seed)
    {
        (int[] Assignments, float[][] Centroids, double Inertia)? best = null;
        for (int restart = 0; restart < Restarts; restart++)
        {
            var ml = new MLContext(seed: seed + (1000 * restart) + k);
            var definition = SchemaDefinition.Create(typeof(PointRow));
            definition[nameof(PointRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
            var view = ml.Data.LoadFromEnumerable(points.Select(p => new PointRow { Features = p }), definition);
            var trainer = ml.Clustering.Trainers.KMeans(new KMeansTrainer.Options
            {
                FeatureColumnName = nameof(PointRow.Features),
                NumberOfClusters = k,
                InitializationAlgorithm = KMeansTrainer.InitializationAlgorithm.KMeansPlusPlus,
                NumberOfThreads = 1,
                MaximumNumberOfIterations = 300,
            });
            var model = trainer.Fit(view);
            VBuffer<float>[] centroidBuffers = [];
            model.Model.GetClusterCentroids(ref centroidBuffers, out _);
            var centroids = centroidBuffers.Select(b => b.DenseValues().ToArray()).ToArray();

            var assignments = new int[points.Count];
            double inertia = 0;
            for (int i = 0; i < points.Count; i++)
            {
                double nearest = double.PositiveInfinity;
                for (int c = 0; c < centroids.Length; c++)
                {
                    double d = ClusterQuality.SquaredDistance(points[i], centroids[c]);
                    if (d < nearest)
                    {
                        nearest = d;
                        assignments[i] = c;
                    }
                }

                inertia += nearest;
            }

            if (best is null || inertia < best.Value.Inertia)
            {
                best = (assignments, centroids, inertia);
            }
        }

        return Renumber(best!.Value.Assignments, best.Value.Centroids);
    }

    // Empty clusters are dropped and the rest numbered by first appearance, so equal partitions get equal numbers.
    private static (int[] Assignments, float[][] Centroids) Renumber(int[] assignments, float[][] centroids)
    {
        var map = new Dictionary<int, int>();
        var renumbered = new int[assignments.Length];
        for (int i = 0; i < assignments.Length; i++)
        {
            if (!map.TryGetValue(assignments[i], out int id))
            {
                id = map.Count;
                map[assignments[i]] = id;
            }

            renumbered[i] = id;
        }

        var ordered = new float[map.Count][];
        foreach (var (old, id) in map)
        {
            ordered[id] = centroids[old];
        }

        return (renumbered, ordered);
    }

    private static int CheckPoints(IReadOnlyList<float[]> points)
    {
        int width = points[0]?.Length ?? 0;
        if (width == 0)
        {
            throw new ArgumentException("Points must have at least one value.", nameof(points));
        }

        for (int i = 0; i < points.Count; i++)
        {
            var p = points[i] ?? throw new ArgumentException($"Point {i} is null.", nameof(points));
            if (p.Length != width)
            {
                throw new ArgumentException($"Point {i} has {p.Length} values; point 0 has {width}.", nameof(points));
            }

            for (int j = 0; j < width; j++)
            {
                if (!float.IsFinite(p[j]))
                {
                    throw new ArgumentException($"Point {i} has a non-finite value ({p[j]}) at position {j}.", nameof(points));
                }
            }
        }

        return width;
    }

    private static int[] Sample(int count, int size, int seed)
    {
        var all = Enumerable.Range(0, count).ToArray();
        if (count <= size)
        {
            return all;
        }

        new Random(seed).Shuffle(all);
        return all.Take(size).Order().ToArray();
    }

    private sealed class PointRow
    {
        public float[] Features { get; set; } = [];
    }
}
