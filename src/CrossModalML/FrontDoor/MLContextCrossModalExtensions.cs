using System.Runtime.CompilerServices;
using Microsoft.ML;

namespace CrossModalML;

/// <summary>Hangs the toolkit off an <see cref="MLContext"/>, as <c>mlContext.Auto()</c> does for ML.NET's AutoML:
/// <c>new MLContext(seed: 1).CrossModal()</c>.</summary>
public static class MLContextCrossModalExtensions
{
    private static readonly ConditionalWeakTable<MLContext, CrossModalCatalog> Catalogs = new();

    /// <summary>The toolkit's catalog for <paramref name="mlContext"/>: load posts, fit, search, retrain, load models.</summary>
    /// <param name="mlContext">The context; its seed is the seed of every run through the catalog.</param>
    /// <returns>The same catalog object on every call for the same context (it lives as long as the context).</returns>
    public static CrossModalCatalog CrossModal(this MLContext mlContext)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        return Catalogs.GetValue(mlContext, context => new CrossModalCatalog(context));
    }
}
