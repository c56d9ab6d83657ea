namespace CrossModalML.Data;

/// <summary>Collects what happened while building a data set, then freezes it into a <see cref="DataLoadReport"/>.</summary>
internal sealed class LoadDiagnostics
{
    /// <summary>How many example line numbers a skip reason or warning lists.</summary>
    public const int MaxExamples = 5;

    private readonly Dictionary<string, (int Count, List<int> Examples)> _skips = new(StringComparer.Ordinal);
    private readonly List<string> _skipOrder = [];
    private readonly List<string> _warnings = [];

    public List<RoleDecision> RoleDecisions { get; } = [];

    public void Skip(string reason, int lineNumber)
    {
        if (!_skips.TryGetValue(reason, out var entry))
        {
            entry = (0, []);
            _skipOrder.Add(reason);
        }

        if (entry.Examples.Count < MaxExamples)
        {
            entry.Examples.Add(lineNumber);
        }

        _skips[reason] = (entry.Count + 1, entry.Examples);
    }

    public void Warn(string message) => _warnings.Add(message);

    public DataLoadReport ToReport(int rowsRead, int rowsUsed)
    {
        var skipReasons = _skipOrder
            .Select(reason => new SkipReason(reason, _skips[reason].Count, _skips[reason].Examples.ToArray()))
            .ToArray();
        return new DataLoadReport(rowsRead, rowsUsed, skipReasons, _warnings.ToArray(), RoleDecisions.ToArray());
    }
}
