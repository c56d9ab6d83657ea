namespace CrossModalML.Demo;

/// <summary>The structure the generator planted in a demo data set, for tests and samples that check whether an analysis recovers it.</summary>
/// <remarks>Instances are immutable and safe to share between threads.</remarks>
public sealed class DemoGroundTruth
{
    internal DemoGroundTruth(
        IReadOnlyList<DemoUser> users,
        IReadOnlyList<DemoPostTruth> posts,
        string burstHashtag,
        int burstStartDay,
        int burstPeakDay,
        DateOnly startDate,
        IReadOnlyList<int> burstHashtagDailyCounts)
    {
        Users = users;
        Posts = posts;
        BurstHashtag = burstHashtag;
        BurstStartDay = burstStartDay;
        BurstPeakDay = burstPeakDay;
        StartDate = startDate;
        BurstHashtagDailyCounts = burstHashtagDailyCounts;
        UserTypes = users.ToDictionary(user => user.Id, user => user.Type, StringComparer.Ordinal);
    }

    /// <summary>Every user, in identifier order, including users who wrote no post.</summary>
    public IReadOnlyList<DemoUser> Users { get; }

    /// <summary>The planted type of each user, keyed by user identifier.</summary>
    public IReadOnlyDictionary<string, DemoUserType> UserTypes { get; }

    /// <summary>Every post, in the order of the data file.</summary>
    public IReadOnlyList<DemoPostTruth> Posts { get; }

    /// <summary>The first day of the data set (day 0).</summary>
    public DateOnly StartDate { get; }

    /// <summary>The hashtag of the planted trend burst, with its <c>#</c>.</summary>
    public string BurstHashtag { get; }

    /// <summary>The last day before the burst's ramp; the hashtag's daily count rises on each of the next days up to <see cref="BurstPeakDay"/>.</summary>
    public int BurstStartDay { get; }

    /// <summary>The day (since <see cref="StartDate"/>) on which the burst hashtag's daily count is highest.</summary>
    public int BurstPeakDay { get; }

    /// <summary>The date on which the burst hashtag's daily count is highest.</summary>
    public DateOnly BurstPeakDate => StartDate.AddDays(BurstPeakDay);

    /// <summary>How many posts contain <see cref="BurstHashtag"/> on each day, indexed by day since <see cref="StartDate"/>.</summary>
    public IReadOnlyList<int> BurstHashtagDailyCounts { get; }
}
