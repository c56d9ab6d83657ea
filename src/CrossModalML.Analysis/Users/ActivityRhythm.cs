using System.Globalization;

namespace CrossModalML.Analysis.Users;

/// <summary>When a group of posts was written: hour-of-day and day-of-week histograms, weekend share and circular mean hour.</summary>
/// <remarks>Times are read from the Timestamp column and used in UTC, as the column gives them; posts without a
/// parseable time are left out of every figure here.</remarks>
public sealed class ActivityRhythm
{
    private ActivityRhythm(int timedPosts, double[] hourShares, double[] dayShares, double? meanHour, double concentration)
    {
        TimedPosts = timedPosts;
        HourOfDay = hourShares;
        DayOfWeek = dayShares;
        MeanHour = meanHour;
        Concentration = concentration;
    }

    /// <summary>How many posts had a time.</summary>
    public int TimedPosts { get; }

    /// <summary>Share of the timed posts in each hour, 0 (00:00–00:59) to 23; all zeros without timed posts.</summary>
    public IReadOnlyList<double> HourOfDay { get; }

    /// <summary>Share of the timed posts on each day of the week, Monday first; all zeros without timed posts.</summary>
    public IReadOnlyList<double> DayOfWeek { get; }

    /// <summary>Share of the timed posts written on a Saturday or Sunday (0.29 when posting ignores the week).</summary>
    public double WeekendShare => DayOfWeek[5] + DayOfWeek[6];

    /// <summary>
    /// The circular mean hour of day, 0 to 24 (23:30 and 00:30 average to 00:00, not 12:00); <c>null</c> without timed
    /// posts or when the hours cancel out (<see cref="Concentration"/> below 0.01).
    /// </summary>
    public double? MeanHour { get; }

    /// <summary>Length of the mean hour vector, 0 (spread round the clock) to 1 (every post in the same minute).</summary>
    public double Concentration { get; }

    internal static ActivityRhythm FromTimes(IEnumerable<DateTime> utcTimes)
    {
        var hours = new double[24];
        var days = new double[7];
        double sin = 0, cos = 0;
        int count = 0;
        foreach (var time in utcTimes)
        {
            hours[time.Hour]++;
            days[((int)time.DayOfWeek + 6) % 7]++;
            double angle = HourAngle(time);
            sin += Math.Sin(angle);
            cos += Math.Cos(angle);
            count++;
        }

        if (count == 0)
        {
            return new ActivityRhythm(0, hours, days, null, 0);
        }

        for (int h = 0; h < 24; h++)
        {
            hours[h] /= count;
        }

        for (int d = 0; d < 7; d++)
        {
            days[d] /= count;
        }

        double concentration = Math.Sqrt((sin * sin) + (cos * cos)) / count;
        double? mean = concentration < 0.01 ? null : ((Math.Atan2(sin, cos) * 12 / Math.PI) + 24) % 24;
        return new ActivityRhythm(count, hours, days, mean, concentration);
    }

    /// <summary>The hour of day as an angle on the clock, in radians (minutes included).</summary>
    internal static double HourAngle(DateTime time) => 2 * Math.PI * (time.Hour + (time.Minute / 60.0)) / 24;

    /// <summary>Formats an hour of day as <c>HH:MM</c>.</summary>
    internal static string FormatHour(double hour)
    {
        int minutes = (int)Math.Round(hour * 60) % (24 * 60);
        return string.Create(CultureInfo.InvariantCulture, $"{minutes / 60:00}:{minutes % 60:00}");
    }
}
