using CrossModalML.Packaging;

namespace CrossModalML.Cli.Commands.Train;

/// <summary>The fusion a train report shows: the manifest's, or plain early fusion when the manifest records none.</summary>
internal static class ReportedFusion
{
    /// <summary>The fusion to report for a model with <paramref name="manifest"/>.</summary>
    public static FusionSummary Of(ModelManifest manifest) => manifest.Fusion ?? new FusionSummary { Kind = FusionKind.Early, Requested = FusionKind.Early };
}
