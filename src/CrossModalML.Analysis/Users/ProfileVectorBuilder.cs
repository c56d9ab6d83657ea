using System.Globalization;
using CrossModalML.Analysis.Embedding;

namespace CrossModalML.Analysis.Users;

/// <summary>Builds the vectors users are segmented on, one block per chosen <see cref="UserProfileFeatures"/> flag.</summary>
/// <remarks>
/// Each block starts as per-user averages of per-post values, shrunk toward the all-posts average by
/// <see cref="UserBehaviourOptions.PriorPosts"/>. Share-like blocks (topics, label, embedding) are centred; blocks in
/// mixed units (rhythm, engagement) are z-scored per dimension. Each block is then scaled to mean squared length 1
/// over users.
/// </remarks>
internal static class ProfileVectorBuilder
{
    public static (float[][] Vectors, IReadOnlyList<string> Blocks) Build(
        UserPostColumns columns,
        IReadOnlyList<IReadOnlyList<int>> userRows,
        PostEmbeddings embeddings,
        IReadOnlyList<string> hashtagVocabulary,
        UserBehaviourOptions options)
    {
        var features = options.SegmentFeatures;
        double prior = options.PriorPosts;
        var blocks = new List<double[][]>();
        var names = new List<string>();
        var allRows = userRows.SelectMany(r => r).ToArray();

        if (features.HasFlag(UserProfileFeatures.Topics))
        {
            var categoryValues = columns.CategoryValues.SelectMany(c => c.Value.Select(v => (Column: c.Key, Value: v))).ToArray();
            int width = hashtagVocabulary.Count + categoryValues.Length;
            if (width > 0)
            {
                var tagIndex = hashtagVocabulary.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i, StringComparer.Ordinal);
                var valueIndex = categoryValues.Select((v, i) => (v, i)).ToDictionary(x => x.v, x => hashtagVocabulary.Count + x.i);
                void PostTopics(int row, double[] into)
                {
                    foreach (var tag in columns.Hashtags[row])
                    {
                        if (tagIndex.TryGetValue(tag, out int i))
                        {
                            into[i] += 1;
                        }
                    }

                    foreach (var (column, values) in columns.Categories)
                    {
                        if (valueIndex.TryGetValue((column, values[row]), out int i))
                        {
                            into[i] += 1;
                        }
                    }
                }

                blocks.Add(Centre(Averages(userRows, allRows, width, PostTopics, prior)));
                names.Add(string.Create(CultureInfo.InvariantCulture,
                    $"topic mix: share of posts with each of {hashtagVocabulary.Count} top hashtags and {categoryValues.Length} values of {columns.Categories.Count} categorical column(s) (centred)"));
            }
        }

        if (features.HasFlag(UserProfileFeatures.Rhythm) && columns.Times.Any(t => t.HasValue))
        {
            var timed = userRows.Select(rows => (IReadOnlyList<int>)rows.Where(r => columns.Times[r].HasValue).ToArray()).ToArray();
            void PostRhythm(int row, double[] into)
            {
                var time = columns.Times[row]!.Value;
                double angle = ActivityRhythm.HourAngle(time);
                into[0] += Math.Sin(angle);
                into[1] += Math.Cos(angle);
                into[2] += time.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 1 : 0;
            }

            blocks.Add(Standardise(Averages(timed, timed.SelectMany(r => r).ToArray(), 3, PostRhythm, prior)));
            names.Add($"activity rhythm: mean sine and cosine of the hour of day and the weekend share, from '{columns.TimeColumn}' (standardised)");
        }

        if (features.HasFlag(UserProfileFeatures.Engagement) && columns.Numbers.Count > 0)
        {
            var perColumn = columns.Numbers.Select(n =>
            {
                var present = userRows.Select(rows => (IReadOnlyList<int>)rows.Where(r => float.IsFinite(n.Value[r])).ToArray()).ToArray();
                void PostValue(int row, double[] into) => into[0] += Math.Sign(n.Value[row]) * Math.Log(1 + Math.Abs(n.Value[row]));
                return Averages(present, present.SelectMany(r => r).ToArray(), 1, PostValue, prior);
            }).ToArray();
            var joined = Enumerable.Range(0, userRows.Count).Select(u => perColumn.SelectMany(c => c[u]).ToArray()).ToArray();
            blocks.Add(Standardise(joined));
            names.Add($"engagement: mean log value of {string.Join(", ", columns.Numbers.Keys.Select(k => $"'{k}'"))} (standardised)");
        }

        if (features.HasFlag(UserProfileFeatures.Embedding))
        {
            void PostEmbedding(int row, double[] into)
            {
                var v = embeddings.Vectors[row];
                for (int i = 0; i < v.Length; i++)
                {
                    into[i] += v[i];
                }
            }

            blocks.Add(Centre(Averages(userRows, allRows, embeddings.Dimensions, PostEmbedding, prior)));
            names.Add(string.Create(CultureInfo.InvariantCulture,
                $"mean post embedding: {embeddings.Dimensions} dimensions ({string.Join(", ", embeddings.Blocks.Select(b => $"{b.Modality.ToString().ToLowerInvariant()} {b.Length}"))}) (centred)"));
        }

        if (features.HasFlag(UserProfileFeatures.Label) && columns.Labels is { } labels)
        {
            var values = labels.Where(l => l.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            var index = values.Select((v, i) => (v, i)).ToDictionary(x => x.v, x => x.i, StringComparer.Ordinal);
            void PostLabel(int row, double[] into)
            {
                if (index.TryGetValue(labels[row], out int i))
                {
                    into[i] += 1;
                }
            }

            blocks.Add(Centre(Averages(userRows, allRows, values.Length, PostLabel, prior)));
            names.Add($"label tendency: share of posts with each value of '{columns.LabelColumn}' (centred)");
        }

        if (blocks.Count == 0)
        {
            throw new ArgumentException(
                $"None of the segmentation blocks {options.SegmentFeatures} can be built from this data (no hashtags or categorical column, " +
                "no timestamp, no numeric column and no label). Choose other UserBehaviourOptions.SegmentFeatures.");
        }

        var vectors = Enumerable.Range(0, userRows.Count)
            .Select(u => blocks.SelectMany(b => b[u]).Select(v => (float)v).ToArray())
            .ToArray();
        return (vectors, names);
    }

    // (sum over the user's rows + prior × all-rows mean) / (rows + prior); users without rows get the all-rows mean.
    private static double[][] Averages(IReadOnlyList<IReadOnlyList<int>> userRows, int[] allRows, int width, Action<int, double[]> add, double prior)
    {
        var global = new double[width];
        foreach (int row in allRows)
        {
            add(row, global);
        }

        for (int i = 0; i < width; i++)
        {
            global[i] = allRows.Length == 0 ? 0 : global[i] / allRows.Length;
        }

        var result = new double[userRows.Count][];
        for (int u = 0; u < userRows.Count; u++)
        {
            var sum = new double[width];
            foreach (int row in userRows[u])
            {
                add(row, sum);
            }

            double weight = userRows[u].Count + prior;
            for (int i = 0; i < width; i++)
            {
                sum[i] = weight == 0 ? global[i] : (sum[i] + (prior * global[i])) / weight;
            }

            result[u] = sum;
        }

        return result;
    }

    private static double[][] Centre(double[][] matrix) => Scale(matrix, perDimension: false);

    private static double[][] Standardise(double[][] matrix) => Scale(matrix, perDimension: true);

    private static double[][] Scale(double[][] matrix, bool perDimension)
    {
        int n = matrix.Length, width = n == 0 ? 0 : matrix[0].Length;
        for (int j = 0; j < width; j++)
        {
            double mean = 0, square = 0;
            foreach (var row in matrix)
            {
                mean += row[j];
                square += row[j] * row[j];
            }

            mean /= n;
            double sd = Math.Sqrt(Math.Max(0, (square / n) - (mean * mean)));
            foreach (var row in matrix)
            {
                row[j] = perDimension ? (sd > 1e-12 ? (row[j] - mean) / sd : 0) : row[j] - mean;
            }
        }

        double meanSquare = matrix.Sum(row => row.Sum(v => v * v)) / Math.Max(1, n);
        if (meanSquare > 1e-18)
        {
            double factor = 1 / Math.Sqrt(meanSquare);
            foreach (var row in matrix)
            {
                for (int j = 0; j < width; j++)
                {
                    row[j] *= factor;
                }
            }
        }

        return matrix;
    }
}
