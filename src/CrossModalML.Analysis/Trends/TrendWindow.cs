namespace CrossModalML.Analysis.Trends;

/// <summary>The length of the time buckets posts are counted in. Windows are aligned to UTC: hours start on the hour,
/// days at midnight, weeks on Monday at midnight (ISO weeks).</summary>
public enum TrendWindow
{
    /// <summary>One hour.</summary>
    Hour,

    /// <summary>One UTC calendar day.</summary>
    Day,

    /// <summary>One ISO week, Monday to Sunday.</summary>
    Week,
}
