namespace CrossModalML.Demo;

/// <summary>Settings of <see cref="DemoDataGenerator"/>. The defaults produce the committed data set in <c>datasets/demo</c>.</summary>
/// <remarks>The same options always produce byte-identical files on the same .NET runtime and SkiaSharp version.</remarks>
public sealed class DemoDataOptions
{
    /// <summary>Seed of the single random generator that drives every choice. Default 42.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>Number of posts (rows) to write, 1 to 99,999. Default 3,000.</summary>
    public int PostCount { get; set; } = 3000;

    /// <summary>Number of users, 8 to 999. Default 150.</summary>
    public int UserCount { get; set; } = 150;

    /// <summary>Width and height of each PNG image in pixels, 16 to 512. Default 64.</summary>
    public int ImageSize { get; set; } = 64;

    /// <summary>The first day of the posts' time span (UTC). Default 2026-01-01.</summary>
    public DateOnly StartDate { get; set; } = new(2026, 1, 1);

    /// <summary>Length of the posts' time span in days, 14 to 3,650. Default 90.</summary>
    public int DayCount { get; set; } = 90;

    /// <summary>The day (counted from <see cref="StartDate"/>, 0-based) on which the trend burst peaks; at least 4 and less than <see cref="DayCount"/>. Default 60.</summary>
    public int BurstPeakDay { get; set; } = 60;

    /// <summary>Share of posts, in [0, 0.5], whose sentiment label is replaced by another one. Default 0.03.</summary>
    public double LabelNoiseRate { get; set; } = 0.03;

    /// <summary>Share of posts, in [0, 0.5], written with an empty image cell. Default 0.03.</summary>
    /// <remarks>Only posts whose text carries the sentiment cue lose their image, so every label stays recoverable from some modality.</remarks>
    public double MissingImageRate { get; set; } = 0.03;
}
