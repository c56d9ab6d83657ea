using Microsoft.ML.Transforms;

namespace CrossModalML.Featurization.Metadata;

/// <summary>The saved-model contract of the signed-log compression for heavy-tailed numbers (likes, followers).</summary>
[CustomMappingFactoryAttribute(ContractName)]
public sealed class SignedLogMappingFactory : CustomMappingFactory<SignedLogInput, SignedLogOutput>
{
    /// <summary>The contract name stored in model zips.</summary>
    public const string ContractName = "CrossModalML.SignedLog";

    internal const string InputColumn = "__cm_number_in";
    internal const string OutputColumn = "__cm_number_log";

    /// <summary>The mapping.</summary>
    public static void Map(SignedLogInput input, SignedLogOutput output) =>
        output.Value = float.IsNaN(input.Value) ? float.NaN : MathF.Sign(input.Value) * MathF.Log(1 + MathF.Abs(input.Value));

    /// <inheritdoc />
    public override Action<SignedLogInput, SignedLogOutput> GetMapping() => Map;
}
