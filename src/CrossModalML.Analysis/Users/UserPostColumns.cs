using System.Globalization;
using CrossModalML.Data;
using CrossModalML.Featurization.Metadata;

namespace CrossModalML.Analysis.Users;

/// <summary>The per-post values a user analysis reads, pulled out of a <see cref="PostDataset"/> once.</summary>
internal sealed class UserPostColumns
{
    private const int MaxCategoryValues = 50;

    public UserPostColumns(PostDataset posts, string userColumn)
    {
        RowCount = posts.RowCount;
        UserColumn = userColumn;
        Users = posts.GetColumnValues(userColumn).Select(u => u.Trim()).ToArray();

        var idColumn = posts.Columns.FirstOrDefault(c => c.Role == ColumnRole.Id)?.Name;
        var ids = idColumn is null ? null : posts.GetColumnValues(idColumn);
        var lines = posts.LineNumbers;
        PostIds = Enumerable.Range(0, RowCount)
            .Select(r => ids is not null && ids[r].Length > 0 ? ids[r] : string.Create(CultureInfo.InvariantCulture, $"line {lines[r]}"))
            .ToArray();

        var textColumns = posts.Columns.Where(c => c.Role == ColumnRole.Text).Select(c => posts.GetColumnValues(c.Name)).ToList();
        Texts = Enumerable.Range(0, RowCount).Select(r => string.Join(' ', textColumns.Select(t => t[r]))).ToArray();
        DuplicateKeys = Texts.Select(PostTokens.DuplicateKey).ToArray();
        Hashtags = Texts.Select(t => PostTokens.Hashtags(t).ToArray()).ToArray();
        Words = Texts.Select(t => PostTokens.Words(t).Distinct(StringComparer.Ordinal).ToArray()).ToArray();

        TimeColumn = posts.Columns.FirstOrDefault(c => c.Role == ColumnRole.Timestamp)?.Name;
        var times = TimeColumn is null ? null : posts.GetColumnValues(TimeColumn);
        Times = Enumerable.Range(0, RowCount)
            .Select(r => times is not null && TimeFeatures.TryParse(times[r], out var utc) ? utc : (DateTime?)null)
            .ToArray();

        LabelColumn = posts.LabelColumn;
        Labels = LabelColumn is null ? null : posts.GetColumnValues(LabelColumn).ToArray();

        Categories = posts.Columns
            .Where(c => c.Role == ColumnRole.Categorical && c.Name != userColumn)
            .Select(c => (c.Name, Values: posts.GetColumnValues(c.Name).ToArray()))
            .ToDictionary(c => c.Name, c => c.Values, StringComparer.Ordinal);
        CategoryValues = Categories.ToDictionary(
            c => c.Key,
            c => (IReadOnlyList<string>)c.Value.Where(v => v.Length > 0).GroupBy(v => v, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Take(MaxCategoryValues).Select(g => g.Key).ToArray(),
            StringComparer.Ordinal);

        Numbers = posts.Columns
            .Where(c => c.Role == ColumnRole.Numeric)
            .ToDictionary(
                c => c.Name,
                c => posts.GetColumnValues(c.Name)
                    .Select(v => float.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) ? f : float.NaN)
                    .ToArray(),
                StringComparer.Ordinal);
    }

    public int RowCount { get; }

    public string UserColumn { get; }

    /// <summary>Each row's raw user id, trimmed; empty when the row has none.</summary>
    public string[] Users { get; }

    public string[] PostIds { get; }

    /// <summary>Every text column of the row, joined with spaces.</summary>
    public string[] Texts { get; }

    /// <summary>Each row's text as compared for copies (see <see cref="PostTokens.DuplicateKey"/>).</summary>
    public IReadOnlySet<string>[] DuplicateKeys { get; }

    public string[][] Hashtags { get; }

    /// <summary>Distinct words of each row.</summary>
    public string[][] Words { get; }

    public string? TimeColumn { get; }

    public DateTime?[] Times { get; }

    public string? LabelColumn { get; }

    public string[]? Labels { get; }

    /// <summary>Categorical columns (not the label, not the user) with each row's value.</summary>
    public Dictionary<string, string[]> Categories { get; }

    /// <summary>For each categorical column, its most frequent values (at most 50), most frequent first.</summary>
    public Dictionary<string, IReadOnlyList<string>> CategoryValues { get; }

    /// <summary>Numeric columns with each row's value (NaN when missing).</summary>
    public Dictionary<string, float[]> Numbers { get; }

    /// <summary>Share of <paramref name="rowCount"/> rows with each value, most frequent first (ties by value); empty values are skipped but counted.</summary>
    public static IReadOnlyList<ValueShare> Shares(IEnumerable<string> values, int rowCount, int limit = int.MaxValue) =>
        rowCount == 0
            ? []
            : values.Where(v => v.Length > 0).GroupBy(v => v, StringComparer.Ordinal)
                .Select(g => new ValueShare(g.Key, g.Count() / (double)rowCount))
                .OrderByDescending(s => s.Share).ThenBy(s => s.Value, StringComparer.Ordinal)
                .Take(limit).ToArray();

    public ActivityRhythm Rhythm(IEnumerable<int> rows) =>
        ActivityRhythm.FromTimes(rows.Select(r => Times[r]).Where(t => t.HasValue).Select(t => t!.Value));

    public IReadOnlyDictionary<string, EngagementSummary> Engagement(IReadOnlyList<int> rows) =>
        Numbers.ToDictionary(n => n.Key, n => EngagementSummary.From(rows.Select(r => n.Value[r])), StringComparer.Ordinal);

    public IReadOnlyDictionary<string, IReadOnlyList<ValueShare>> CategoryShares(IReadOnlyList<int> rows) =>
        Categories.ToDictionary(c => c.Key, c => Shares(rows.Select(r => c.Value[r]), rows.Count), StringComparer.Ordinal);

    public IReadOnlyList<ValueShare> LabelShares(IReadOnlyList<int> rows) =>
        Labels is null ? [] : Shares(rows.Select(r => Labels[r]), rows.Count);

    public IReadOnlyList<ValueShare> HashtagShares(IReadOnlyList<int> rows, int limit = int.MaxValue) =>
        Shares(rows.SelectMany(r => Hashtags[r]), rows.Count, limit);
}
