namespace CrossModalML.Analysis.Patterns;

/// <summary>
/// Community detection by modularity with the Louvain method (Blondel, Guillaume, Lambiotte and Lefebvre, 2008):
/// move single nodes to the neighbouring community with the largest modularity gain until none improves, merge each
/// community into one node, and repeat on the smaller graph until nothing moves.
/// </summary>
/// <remarks>
/// Deterministic: nodes are visited in index order and ties keep the current community. The graph is undirected and
/// weighted; <c>adjacency[i][j]</c> must equal <c>adjacency[j][i]</c>.
/// </remarks>
internal static class LouvainCommunities
{
    private const double MinimumGain = 1e-12;

    /// <summary>Each node's community (0-based, numbered by first appearance) for a symmetric weighted adjacency.</summary>
    public static int[] Detect(IReadOnlyList<IReadOnlyDictionary<int, double>> adjacency, double resolution = 1.0)
    {
        ArgumentNullException.ThrowIfNull(adjacency);
        int nodeCount = adjacency.Count;
        var membership = Enumerable.Range(0, nodeCount).ToArray();
        var graph = adjacency.Select(row => new Dictionary<int, double>(row)).ToList();
        while (true)
        {
            var level = MoveNodes(graph, resolution, out bool moved);
            if (!moved)
            {
                break;
            }

            for (int i = 0; i < nodeCount; i++)
            {
                membership[i] = level[membership[i]];
            }

            graph = Aggregate(graph, level);
        }

        return Renumber(membership);
    }

    /// <summary>Modularity Q of a partition: the share of edge weight inside communities minus its expectation under the degrees.</summary>
    public static double Modularity(IReadOnlyList<IReadOnlyDictionary<int, double>> adjacency, IReadOnlyList<int> membership, double resolution = 1.0)
    {
        double twiceTotal = adjacency.Sum(row => row.Values.Sum());
        if (twiceTotal <= 0)
        {
            return 0;
        }

        int count = membership.Count == 0 ? 0 : membership.Max() + 1;
        var inside = new double[count];
        var degree = new double[count];
        for (int i = 0; i < adjacency.Count; i++)
        {
            foreach (var (j, w) in adjacency[i])
            {
                degree[membership[i]] += w;
                if (membership[i] == membership[j])
                {
                    inside[membership[i]] += w;
                }
            }
        }

        double q = 0;
        for (int c = 0; c < count; c++)
        {
            q += (inside[c] / twiceTotal) - (resolution * Math.Pow(degree[c] / twiceTotal, 2));
        }

        return q;
    }

    private static int[] MoveNodes(List<Dictionary<int, double>> graph, double resolution, out bool movedAny)
    {
        int n = graph.Count;
        var community = Enumerable.Range(0, n).ToArray();
        var degree = graph.Select(row => row.Values.Sum()).ToArray();
        var total = (double[])degree.Clone();
        double twiceTotal = degree.Sum();
        movedAny = false;
        if (twiceTotal <= 0)
        {
            return community;
        }

        var linkTo = new Dictionary<int, double>();
        bool improved = true;
        while (improved)
        {
            improved = false;
            for (int i = 0; i < n; i++)
            {
                int own = community[i];
                linkTo.Clear();
                foreach (var (j, w) in graph[i])
                {
                    if (j != i)
                    {
                        linkTo[community[j]] = linkTo.GetValueOrDefault(community[j]) + w;
                    }
                }

                // Take i out of its community, then put it where the gain k_i,in(C) − γ·tot(C)·k_i / 2m is largest.
                total[own] -= degree[i];
                double Gain(int c) => linkTo.GetValueOrDefault(c) - (resolution * total[c] * degree[i] / twiceTotal);
                int best = own;
                double bestGain = Gain(own);
                foreach (var c in linkTo.Keys.Order())
                {
                    double gain = Gain(c);
                    if (gain > bestGain + MinimumGain)
                    {
                        best = c;
                        bestGain = gain;
                    }
                }

                total[best] += degree[i];
                if (best != own)
                {
                    community[i] = best;
                    improved = true;
                    movedAny = true;
                }
            }
        }

        return Renumber(community);
    }

    private static List<Dictionary<int, double>> Aggregate(List<Dictionary<int, double>> graph, int[] community)
    {
        int count = community.Max() + 1;
        var merged = Enumerable.Range(0, count).Select(_ => new Dictionary<int, double>()).ToList();
        for (int i = 0; i < graph.Count; i++)
        {
            foreach (var (j, w) in graph[i])
            {
                var row = merged[community[i]];
                row[community[j]] = row.GetValueOrDefault(community[j]) + w;
            }
        }

        return merged;
    }

    private static int[] Renumber(int[] labels)
    {
        var map = new Dictionary<int, int>();
        return labels.Select(l => map.TryGetValue(l, out int id) ? id : map[l] = map.Count).ToArray();
    }
}
