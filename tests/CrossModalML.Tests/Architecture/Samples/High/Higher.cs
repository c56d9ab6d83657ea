using CrossModalML.Tests.Architecture.Samples.Low;

namespace CrossModalML.Tests.Architecture.Samples.High;

/// <summary>A high room's type; using the low room is allowed.</summary>
internal static class Higher
{
    internal static int Size() => 2;

    internal static int LowSize() => Lower.Size() - 1;
}
