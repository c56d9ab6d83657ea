using CrossModalML.Featurization.Metadata;

namespace CrossModalML.Tests.Featurization;

[TestClass]
public sealed class TimeFeaturesTests
{
    [TestMethod]
    public void Monday_six_in_the_morning_utc_is_a_quarter_turn_on_the_clock()
    {
        var values = new float[TimeFeatures.Length];
        TimeFeatures.Compute("2026-01-05T06:00:00Z", values); // a Monday
        Assert.AreEqual(1f, values[0], 1e-6f, "sin(2π·6/24)");
        Assert.AreEqual(0f, values[1], 1e-6f, "cos(2π·6/24)");
        Assert.AreEqual(1f, values[2], "Monday is the first day slot");
        Assert.AreEqual(1f, values.Skip(2).Take(7).Sum());
        Assert.AreEqual(0f, values[9]);
    }

    [TestMethod]
    public void Offsets_are_converted_to_utc_and_unix_seconds_are_accepted()
    {
        Assert.IsTrue(TimeFeatures.TryParse("2026-01-05T08:00:00+02:00", out var withOffset));
        Assert.AreEqual(new DateTime(2026, 1, 5, 6, 0, 0, DateTimeKind.Utc), withOffset);
        Assert.IsTrue(TimeFeatures.TryParse("1767592800", out var unix));
        Assert.AreEqual(new DateTime(2026, 1, 5, 6, 0, 0, DateTimeKind.Utc), unix);
    }

    [TestMethod]
    public void An_unparseable_timestamp_sets_only_the_missing_flag()
    {
        var values = new float[TimeFeatures.Length];
        TimeFeatures.Compute("yesterday-ish", values);
        Assert.AreEqual(1f, values[9]);
        Assert.AreEqual(1f, values.Sum());
    }
}
