using CrossModalML.Packaging;

namespace CrossModalML.Cli.Commands.Train;

/// <summary>The fusion a train report shows: the manifest's, or plain early fusion when the manifest records none.</summary>
internal static class ReportedFusion
{
    public static FusionSummary Of(ModelManifest manifest) => manifest.Fusion ?? new FusionSummary { Kind = FusionKind.Early, Requested = FusionKind.Early };
}
