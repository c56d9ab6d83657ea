using Microsoft.ML;

namespace CrossModalML;

/// <summary>Makes CrossModalML's custom transforms known to an <see cref="MLContext"/>.</summary>
/// <remarks>
/// A CrossModalML model zip contains custom mappings (social signals, image statistics, time features). An app that
/// loads the zip with <c>MLContext.Model.Load</c> must call <see cref="Register"/> on its context first, or the load
/// fails with "Unable to locate an extension for the contract". <c>CrossModalPredictor</c> does this itself.
/// </remarks>
public static class CrossModalRegistration
{
    /// <summary>Registers this assembly's custom transforms with <paramref name="mlContext"/>. Safe to call more than once.</summary>
    /// <param name="mlContext">The context that will load or build CrossModalML pipelines.</param>
    public static void Register(MLContext mlContext)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        mlContext.ComponentCatalog.RegisterAssembly(typeof(CrossModalRegistration).Assembly);
    }
}
