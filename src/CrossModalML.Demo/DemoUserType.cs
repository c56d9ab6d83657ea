namespace CrossModalML.Demo;

/// <summary>The behaviour a demo user is planted with. Each demo user has exactly one type.</summary>
/// <remarks>The parameters of every type (topics, posting hours, weekend share, engagement) are listed in <c>datasets/README.md</c>.</remarks>
public enum DemoUserType
{
    /// <summary>Posts mostly about food, early in the day, on weekdays and weekends alike; average engagement.</summary>
    MorningFoodie = 0,

    /// <summary>Posts mostly about tech and games, late at night; below-average engagement.</summary>
    NightOwlGamer,

    /// <summary>Posts mostly about travel, around midday and mainly at weekends; the highest engagement.</summary>
    WeekendTraveller,

    /// <summary>Posts mostly about sports, in the evening match hours, often at weekends; above-average engagement.</summary>
    MatchdaySportsFan,
}
