using CrossModalML.Tests.Architecture.Samples.High;

namespace CrossModalML.Tests.Architecture.Samples.Low;

/// <summary>A low room's type that (wrongly) uses a high room's type: the layer check must report it.</summary>
internal static class Lower
{
    internal static int Size() => Higher.Size() + 1;
}
