namespace CrossModalML.Data;

/// <summary>The layout of a post file.</summary>
public enum PostFileFormat
{
    /// <summary>Choose by extension: <c>.tsv</c> and <c>.txt</c> are <see cref="Tsv"/>, <c>.csv</c> is <see cref="Csv"/>,
    /// <c>.jsonl</c> and <c>.ndjson</c> are <see cref="JsonLines"/>.</summary>
    Auto = 0,

    /// <summary>Tab-separated values with a header row. No quoting unless <see cref="PostLoadOptions.AllowQuoting"/> is set,
    /// so a <c>"</c> inside a tweet is kept as it is.</summary>
    Tsv,

    /// <summary>Comma-separated values with a header row, quoted as in RFC 4180: a field in double quotes may contain
    /// commas, line breaks and doubled quotes (<c>""</c> for one <c>"</c>).</summary>
    Csv,

    /// <summary>JSON Lines: one JSON object per line; its keys are the columns. Strings, numbers, booleans and
    /// <c>null</c> are accepted as values; nested objects and arrays are not.</summary>
    JsonLines,
}
