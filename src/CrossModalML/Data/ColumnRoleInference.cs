using System.Text;

namespace CrossModalML.Data;

/// <summary>Decides each column's role from overrides, its name and its values; the rules are documented on
/// <see cref="PostLoadOptions"/>.</summary>
internal static class ColumnRoleInference
{
    public const int CategoricalMaxDistinct = 50;
    public const double CategoricalMinRepeats = 2.0;
    public const int LargeCategoricalMaxDistinct = 1000;
    public const double LargeCategoricalMinRepeats = 20.0;
    public const double TextMinAverageLength = 20.0;
    public const double TextMinWhitespaceShare = 0.3;

    /// <summary>At most this share of a column's non-missing values may be stray words for it to stay Numeric.</summary>
    public const double NumericMaxStrayShare = 0.1;

    /// <summary>A column with stray words stays Numeric only with at least this many numbers.</summary>
    public const int NumericMinNumbersWithStrays = 5;

    private static readonly string[] LeakWords = ["label", "target", "class", "fold"];
    private static readonly HashSet<string> IdNames = new(StringComparer.Ordinal) { "id", "postid", "tweetid", "statusid", "messageid" };
    private static readonly HashSet<string> UserNames = new(StringComparer.Ordinal) { "user", "userid", "author", "authorid", "username", "screenname" };
    private static readonly HashSet<string> TimeNames = new(StringComparer.Ordinal) { "timestamp", "time", "date", "createdat", "datetime" };
    private static readonly HashSet<string> ImageNames = new(StringComparer.Ordinal) { "image", "img", "photo", "picture", "imagepath", "media" };

    public static List<RoleDecision> Infer(RawTable table, string? labelColumn, IDictionary<string, ColumnRole> overrides, LoadDiagnostics diagnostics)
    {
        foreach (var (column, role) in overrides)
        {
            if (table.IndexOf(column) < 0)
            {
                throw new ArgumentException(
                    $"PostLoadOptions.RoleOverrides names the column '{column}', which is not in {table.Describe()}. Valid columns: {table.ListColumns()}.",
                    nameof(overrides));
            }

            var isLabel = string.Equals(column, labelColumn, StringComparison.Ordinal);
            if (role == ColumnRole.Label && !isLabel)
            {
                throw new ArgumentException(
                    $"PostLoadOptions.RoleOverrides gives the column '{column}' the role Label, but the label column is '{labelColumn ?? "(none)"}'. Set PostLoadOptions.LabelColumn to '{column}' instead.",
                    nameof(overrides));
            }

            if (isLabel && role != ColumnRole.Label)
            {
                throw new ArgumentException(
                    $"PostLoadOptions.RoleOverrides gives the label column '{column}' the role {role}. The label column's role is always Label; remove the override or choose another LabelColumn.",
                    nameof(overrides));
            }
        }

        var decisions = new List<RoleDecision>(table.ColumnNames.Count);
        var haveId = false;
        var haveUser = false;
        string? firstId = null;
        string? firstUser = null;
        for (var c = 0; c < table.ColumnNames.Count; c++)
        {
            var name = table.ColumnNames[c];
            RoleDecision decision;
            if (string.Equals(name, labelColumn, StringComparison.Ordinal))
            {
                decision = new RoleDecision(name, ColumnRole.Label, RoleSource.LabelOption, "named by PostLoadOptions.LabelColumn");
            }
            else if (overrides.TryGetValue(name, out var overridden))
            {
                decision = new RoleDecision(name, overridden, RoleSource.Override, "set in PostLoadOptions.RoleOverrides");
            }
            else
            {
                decision = InferOne(table, c, ref haveId, ref firstId, ref haveUser, ref firstUser, diagnostics);
            }

            decisions.Add(decision);
        }

        return decisions;
    }

    /// <summary>Whether a name is one of the post-identifier names (<c>id</c>, <c>post_id</c>, ...).</summary>
    public static bool IsIdName(string name) => IdNames.Contains(Normalize(name));

    private static RoleDecision InferOne(
        RawTable table,
        int column,
        ref bool haveId,
        ref string? firstId,
        ref bool haveUser,
        ref string? firstUser,
        LoadDiagnostics diagnostics)
    {
        var name = table.ColumnNames[column];
        var lower = name.ToLowerInvariant();
        var normalized = Normalize(name);
        var leakWord = LeakWords.FirstOrDefault(word => lower.Contains(word, StringComparison.Ordinal));
        if (leakWord is not null)
        {
            diagnostics.Warn(
                $"Column '{name}' is ignored: its name contains '{leakWord}', so it looks like another label or a split column and could leak the answer. Override its role to use it.");
            return new RoleDecision(name, ColumnRole.Ignore, RoleSource.Name, $"name contains '{leakWord}': looks like another label or a split column");
        }

        if (IdNames.Contains(normalized))
        {
            if (!haveId)
            {
                haveId = true;
                firstId = name;
                return new RoleDecision(name, ColumnRole.Id, RoleSource.Name, "name is a post identifier");
            }

            return new RoleDecision(name, ColumnRole.Ignore, RoleSource.Name, $"a second identifier; '{firstId}' is the Id column");
        }

        if (UserNames.Contains(normalized))
        {
            if (!haveUser)
            {
                haveUser = true;
                firstUser = name;
                return new RoleDecision(name, ColumnRole.User, RoleSource.Name, "name is a user identifier");
            }

            return new RoleDecision(name, ColumnRole.Ignore, RoleSource.Name, $"a second user column; '{firstUser}' is the User column");
        }

        if (TimeNames.Contains(normalized))
        {
            return new RoleDecision(name, ColumnRole.Timestamp, RoleSource.Name, "name is a time");
        }

        if (ImageNames.Contains(normalized))
        {
            return new RoleDecision(name, ColumnRole.Image, RoleSource.Name, "name is an image");
        }

        var words = SplitWords(name);
        if (words.Count > 1 && words[^1] is "id" or "ids")
        {
            return new RoleDecision(name, ColumnRole.Ignore, RoleSource.Name, $"name ends in '{words[^1]}': another identifier, not a feature");
        }

        return InferFromValues(table, column);
    }

    private static RoleDecision InferFromValues(RawTable table, int column)
    {
        var name = table.ColumnNames[column];
        var nonEmpty = 0;
        var allImages = true;
        var allTimestamps = true;
        var numbers = 0;
        var markers = 0;
        var strays = 0;
        var withWhitespace = 0;
        long totalLength = 0;
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var value = row.Cells[column].Trim();
            if (value.Length == 0)
            {
                continue;
            }

            nonEmpty++;
            distinct.Add(value);
            totalLength += value.Length;
            if (value.Any(char.IsWhiteSpace))
            {
                withWhitespace++;
            }

            allImages = allImages && CellValues.HasImageExtension(value);
            allTimestamps = allTimestamps && CellValues.IsIsoTimestamp(value);
            if (CellValues.TryParseNumber(value, out _))
            {
                numbers++;
            }
            else if (CellValues.IsMissingNumberMarker(value))
            {
                markers++;
            }
            else
            {
                strays++;
            }
        }

        if (nonEmpty == 0)
        {
            return new RoleDecision(name, ColumnRole.Ignore, RoleSource.Values, "every value is empty");
        }

        if (allImages)
        {
            return new RoleDecision(name, ColumnRole.Image, RoleSource.Values, "every value ends in an image file extension");
        }

        if (allTimestamps)
        {
            return new RoleDecision(name, ColumnRole.Timestamp, RoleSource.Values, "every value is an ISO-8601 date or time");
        }

        // NaN, Inf and the like mark missing numbers, and a few stray words in a column of numbers are typos or
        // placeholders: both are read as missing rather than costing the column its role.
        var markerNote = markers > 0 ? $"; {markers} NaN/Inf/NA markers count as missing" : string.Empty;
        if (numbers > 0 && strays == 0)
        {
            return new RoleDecision(name, ColumnRole.Numeric, RoleSource.Values, $"all {numbers} non-empty values are numbers{markerNote}");
        }

        if (numbers >= NumericMinNumbersWithStrays && strays <= NumericMaxStrayShare * (numbers + strays))
        {
            return new RoleDecision(
                name,
                ColumnRole.Numeric,
                RoleSource.Values,
                $"{numbers} of {numbers + strays} values are numbers; the {strays} that are not are read as missing{markerNote}");
        }

        if (numbers == 0 && strays == 0)
        {
            return new RoleDecision(name, ColumnRole.Ignore, RoleSource.Values, "every value is empty or a missing-number marker (NaN, Inf, NA)");
        }

        var repeats = (double)nonEmpty / distinct.Count;
        if ((distinct.Count <= CategoricalMaxDistinct && repeats >= CategoricalMinRepeats)
            || (distinct.Count <= LargeCategoricalMaxDistinct && repeats >= LargeCategoricalMinRepeats))
        {
            return new RoleDecision(name, ColumnRole.Categorical, RoleSource.Values, $"{distinct.Count} distinct values in {nonEmpty} rows");
        }

        var averageLength = (double)totalLength / nonEmpty;
        var whitespaceShare = (double)withWhitespace / nonEmpty;
        if (averageLength >= TextMinAverageLength || whitespaceShare >= TextMinWhitespaceShare)
        {
            return new RoleDecision(
                name,
                ColumnRole.Text,
                RoleSource.Values,
                FormattableString.Invariant($"{distinct.Count} distinct values averaging {averageLength:0.#} characters, {whitespaceShare * 100:0}% with spaces"));
        }

        return new RoleDecision(
            name,
            ColumnRole.Ignore,
            RoleSource.Values,
            $"{distinct.Count} distinct short values in {nonEmpty} rows look like identifiers or codes; override the role to Categorical to use them");
    }

    private static string Normalize(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c))
            {
                text.Append(char.ToLowerInvariant(c));
            }
        }

        return text.ToString();
    }

    /// <summary>Words of a name split at separators and at lower-to-upper case changes: "imageIds" and "image_ids" give "image", "ids".</summary>
    private static List<string> SplitWords(string name)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var startsWord = char.IsUpper(c) && i > 0 && char.IsLower(name[i - 1]);
            if (!char.IsLetterOrDigit(c) || startsWord)
            {
                if (word.Length > 0)
                {
                    words.Add(word.ToString());
                    word.Clear();
                }
            }

            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return words;
    }
}
