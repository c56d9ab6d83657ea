namespace CrossModalML.Demo;

/// <summary>The planted behaviour of one <see cref="DemoUserType"/>.</summary>
/// <param name="Type">The type described.</param>
/// <param name="UserShare">Share of all users that have this type.</param>
/// <param name="TopicWeights">Probability of each topic, in the order of <see cref="DemoVocabulary.Topics"/>.</param>
/// <param name="MeanHour">Centre of the posting-hour distribution (UTC, may exceed 24 to wrap past midnight).</param>
/// <param name="HourSpread">Standard deviation of the posting hour around a user's own centre.</param>
/// <param name="WeekendShare">Probability that a post falls on a Saturday or Sunday.</param>
/// <param name="Engagement">Multiplier on expected likes.</param>
internal sealed record DemoUserTypeProfile(
    DemoUserType Type,
    double UserShare,
    double[] TopicWeights,
    double MeanHour,
    double HourSpread,
    double WeekendShare,
    double Engagement)
{
    /// <summary>Share of a user's posts drawn from a uniform hour instead of the type's hour distribution.</summary>
    public const double OffHourShare = 0.15;

    /// <summary>Standard deviation of a user's own hour centre around the type's <see cref="MeanHour"/>.</summary>
    public const double UserHourJitter = 0.75;

    /// <summary>The four profiles, indexed by <see cref="DemoUserType"/>; topic order is sports, food, travel, tech, music.</summary>
    public static IReadOnlyList<DemoUserTypeProfile> All { get; } =
    [
        new(DemoUserType.MorningFoodie, 0.30, [0.05, 0.60, 0.15, 0.05, 0.15], MeanHour: 8.0, HourSpread: 1.5, WeekendShare: 0.30, Engagement: 1.0),
        new(DemoUserType.NightOwlGamer, 0.27, [0.10, 0.05, 0.05, 0.60, 0.20], MeanHour: 23.0, HourSpread: 1.8, WeekendShare: 0.30, Engagement: 0.8),
        new(DemoUserType.WeekendTraveller, 0.23, [0.05, 0.20, 0.60, 0.05, 0.10], MeanHour: 13.0, HourSpread: 2.5, WeekendShare: 0.70, Engagement: 1.5),
        new(DemoUserType.MatchdaySportsFan, 0.20, [0.65, 0.10, 0.05, 0.10, 0.10], MeanHour: 19.5, HourSpread: 1.5, WeekendShare: 0.55, Engagement: 1.2),
    ];
}
