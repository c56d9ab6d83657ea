using Microsoft.ML.Transforms;

namespace CrossModalML.Featurization.Image;

/// <summary>The saved-model contract of the built-in image mapping.</summary>
[CustomMappingFactoryAttribute(ContractName)]
public sealed class ImageStatisticsMappingFactory : CustomMappingFactory<ImagePathInput, ImageStatisticsOutput>
{
    /// <summary>The contract name stored in model zips.</summary>
    public const string ContractName = "CrossModalML.ImageStatistics";

    /// <summary>The mapping.</summary>
    public static void Map(ImagePathInput input, ImageStatisticsOutput output)
    {
        output.Statistics = new float[ImageStatistics.Length];
        output.Missing = ImageStatistics.TryCompute(input.Path, output.Statistics) ? 0f : 1f;
    }

    /// <inheritdoc />
    public override Action<ImagePathInput, ImageStatisticsOutput> GetMapping() => Map;
}
