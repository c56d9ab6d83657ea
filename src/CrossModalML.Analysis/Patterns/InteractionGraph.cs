namespace CrossModalML.Analysis.Patterns;

/// <summary>
/// Who names whom: accounts are nodes, and an edge from A to B counts the posts in which A mentions B (<c>@B</c>) or
/// retweets B (<c>RT @B</c>). Gives the communities (Louvain modularity on the undirected weights) and the most
/// central accounts (weighted degree and PageRank).
/// </summary>
/// <remarks>
/// <para>A retweet <c>RT @B: … @C</c> by A gives the edges A → B and B → C: B wrote the text that names C. Posts
/// without an author therefore still add their retweet edges. Accounts compare without regard to case; the first
/// spelling seen (authors before mentions) is kept. Self-mentions are dropped.</para>
/// <para>Immutable once built and safe to read from several threads.</para>
/// </remarks>
public sealed class InteractionGraph
{
    private const int PageRankIterations = 200;
    private const double PageRankTolerance = 1e-12;

    private InteractionGraph(IReadOnlyList<string> users, IReadOnlyList<MentionEdge> edges, IReadOnlyList<AccountCentrality> accounts, IReadOnlyList<GraphCommunity> communities, double modularity)
    {
        Users = users;
        Edges = edges;
        Accounts = accounts;
        Communities = communities;
        Modularity = modularity;
    }

    /// <summary>Every account that wrote a post or was named, in order of first appearance.</summary>
    public IReadOnlyList<string> Users { get; }

    /// <summary>The directed, weighted edges, heaviest first.</summary>
    public IReadOnlyList<MentionEdge> Edges { get; }

    /// <summary>Every account that has at least one edge, most central (PageRank) first.</summary>
    public IReadOnlyList<AccountCentrality> Accounts { get; }

    /// <summary>The communities of accounts with at least one edge, largest first.</summary>
    public IReadOnlyList<GraphCommunity> Communities { get; }

    /// <summary>Modularity Q of <see cref="Communities"/> on the undirected graph (about 0 for random structure; 0.3 and above is marked).</summary>
    public double Modularity { get; }

    /// <summary>Total weight of all edges.</summary>
    public int TotalWeight => Edges.Sum(e => e.Weight);

    /// <summary>Builds the graph from posts.</summary>
    /// <param name="authors">Each post's author, or <c>null</c>/empty when unknown; as many as <paramref name="texts"/>.</param>
    /// <param name="texts">Each post's text (empty when it has none).</param>
    /// <param name="options">PageRank and community settings; <c>null</c> for the defaults.</param>
    /// <exception cref="ArgumentException">The lists differ in length.</exception>
    public static InteractionGraph Build(IReadOnlyList<string?> authors, IReadOnlyList<string> texts, InteractionGraphOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(authors);
        ArgumentNullException.ThrowIfNull(texts);
        if (authors.Count != texts.Count)
        {
            throw new ArgumentException($"There are {authors.Count} authors but {texts.Count} texts; give one author (or null) per post.", nameof(authors));
        }

        options ??= new InteractionGraphOptions();
        options.Validate();

        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var users = new List<string>();
        int Node(string name)
        {
            if (!index.TryGetValue(name, out int id))
            {
                id = users.Count;
                index[name] = id;
                users.Add(name);
            }

            return id;
        }

        var posts = new List<int>();
        foreach (var author in authors)
        {
            if (!string.IsNullOrWhiteSpace(author))
            {
                int id = Node(author.Trim());
                while (posts.Count <= id)
                {
                    posts.Add(0);
                }

                posts[id]++;
            }
        }

        var weights = new Dictionary<(int From, int To), (int Weight, int Retweets)>();
        void Add(int from, int to, bool retweet)
        {
            if (from != to)
            {
                var (w, r) = weights.GetValueOrDefault((from, to));
                weights[(from, to)] = (w + 1, r + (retweet ? 1 : 0));
            }
        }

        for (int p = 0; p < texts.Count; p++)
        {
            var (retweetOf, mentioned) = MentionParser.Parse(texts[p] ?? string.Empty);
            int? author = string.IsNullOrWhiteSpace(authors[p]) ? null : index[authors[p]!.Trim()];
            int? source = retweetOf is null ? null : Node(retweetOf);
            if (author is { } a && source is { } s)
            {
                Add(a, s, retweet: true);
            }

            // The named accounts were named by whoever wrote the text: the retweeted author if any, else the poster.
            if ((source ?? author) is { } writer)
            {
                foreach (var handle in mentioned)
                {
                    Add(writer, Node(handle), retweet: false);
                }
            }
        }

        while (posts.Count < users.Count)
        {
            posts.Add(0);
        }

        return Analyse(users, posts, weights, options);
    }

    private static InteractionGraph Analyse(List<string> users, List<int> posts, Dictionary<(int From, int To), (int Weight, int Retweets)> weights, InteractionGraphOptions options)
    {
        // Only accounts with an edge take part in centrality and communities; lone posters say nothing about interaction.
        var connected = weights.Keys.SelectMany(k => new[] { k.From, k.To }).Distinct().Order().ToArray();
        var local = new Dictionary<int, int>();
        for (int i = 0; i < connected.Length; i++)
        {
            local[connected[i]] = i;
        }

        int n = connected.Length;
        var undirected = Enumerable.Range(0, n).Select(_ => new Dictionary<int, double>()).ToArray();
        var outWeight = new double[n];
        var inWeight = new double[n];
        foreach (var ((from, to), (w, _)) in weights)
        {
            int f = local[from], t = local[to];
            undirected[f][t] = undirected[f].GetValueOrDefault(t) + w;
            undirected[t][f] = undirected[t].GetValueOrDefault(f) + w;
            outWeight[f] += w;
            inWeight[t] += w;
        }

        var rank = PageRank(n, weights.Select(e => (local[e.Key.From], local[e.Key.To], (double)e.Value.Weight)).ToList(), outWeight, options.Damping);
        var membership = LouvainCommunities.Detect(undirected, options.Resolution);
        double modularity = LouvainCommunities.Modularity(undirected, membership, options.Resolution);

        // Communities numbered largest first (ties: the one holding the most central account first).
        int communityCount = n == 0 ? 0 : membership.Max() + 1;
        var order = Enumerable.Range(0, communityCount)
            .OrderByDescending(c => membership.Count(m => m == c))
            .ThenByDescending(c => Enumerable.Range(0, n).Where(i => membership[i] == c).Max(i => rank[i]))
            .ToArray();
        var renumbered = new int[communityCount];
        for (int i = 0; i < order.Length; i++)
        {
            renumbered[order[i]] = i;
        }

        var accounts = Enumerable.Range(0, n)
            .Select(i => new AccountCentrality(users[connected[i]], posts[connected[i]], outWeight[i], inWeight[i], rank[i], renumbered[membership[i]]))
            .OrderByDescending(a => a.PageRank).ThenByDescending(a => a.WeightedDegree).ThenBy(a => a.User, StringComparer.Ordinal)
            .ToList();
        var communities = new List<GraphCommunity>();
        for (int c = 0; c < communityCount; c++)
        {
            var members = Enumerable.Range(0, n).Where(i => renumbered[membership[i]] == c).ToArray();
            var memberSet = members.ToHashSet();
            double inside = 0, touching = 0;
            foreach (var ((from, to), (w, _)) in weights)
            {
                bool f = memberSet.Contains(local[from]), t = memberSet.Contains(local[to]);
                inside += f && t ? w : 0;
                touching += f || t ? w : 0;
            }

            communities.Add(new GraphCommunity(c, accounts.Where(a => a.Community == c).Select(a => a.User).ToList(), inside, touching));
        }

        var edges = weights
            .Select(e => new MentionEdge(users[e.Key.From], users[e.Key.To], e.Value.Weight, e.Value.Retweets))
            .OrderByDescending(e => e.Weight).ThenBy(e => e.From, StringComparer.Ordinal).ThenBy(e => e.To, StringComparer.Ordinal)
            .ToList();
        return new InteractionGraph(users, edges, accounts, communities, modularity);
    }

    // Power iteration of weighted PageRank; an account that names nobody spreads its rank evenly (a dangling node).
    private static double[] PageRank(int n, List<(int From, int To, double Weight)> edges, double[] outWeight, double damping)
    {
        var rank = Enumerable.Repeat(n == 0 ? 0 : 1.0 / n, n).ToArray();
        var next = new double[n];
        for (int iteration = 0; iteration < PageRankIterations && n > 0; iteration++)
        {
            double dangling = Enumerable.Range(0, n).Where(i => outWeight[i] == 0).Sum(i => rank[i]);
            Array.Fill(next, ((1 - damping) / n) + (damping * dangling / n));
            foreach (var (from, to, w) in edges)
            {
                next[to] += damping * rank[from] * w / outWeight[from];
            }

            double change = 0;
            for (int i = 0; i < n; i++)
            {
                change += Math.Abs(next[i] - rank[i]);
            }

            (rank, next) = (next, rank);
            if (change < PageRankTolerance)
            {
                break;
            }
        }

        return rank;
    }
}
