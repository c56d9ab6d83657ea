using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Runtime;

namespace CrossModalML;

/// <summary>Reads the seed an <see cref="MLContext"/> was created with, so a seed is given once (to the context) and
/// the toolkit's options follow it.</summary>
/// <remarks>ML.NET keeps the seed in its host environment behind an internal interface property (<c>Seed</c> of
/// <c>IHostEnvironmentInternal</c>, which the context implements), which is read by reflection. When the context has no seed, or a later ML.NET no
/// longer exposes it, a seed is drawn from the context's own random source: with <c>new MLContext()</c> that varies
/// between runs, as ML.NET's own randomness does.</remarks>
internal static class ContextSeed
{
    /// <summary>The context's seed, or one drawn from its random source when it has none.</summary>
    public static int Of(MLContext mlContext)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        return Read(mlContext) ?? Draw(mlContext);
    }

    /// <summary>The seed the context was created with; <c>null</c> when it has none or it cannot be read.</summary>
    internal static int? Read(MLContext mlContext)
    {
        // The context implements the environment interfaces itself and forwards to the environment it wraps.
        var environments = mlContext.GetType().GetFields(BindingFlags.Instance | BindingFlags.NonPublic)
            .Where(f => typeof(IHostEnvironment).IsAssignableFrom(f.FieldType))
            .Select(f => f.GetValue(mlContext))
            .OfType<object>();
        foreach (var holder in environments.Prepend(mlContext))
        {
            foreach (var type in holder.GetType().GetInterfaces().Prepend(holder.GetType()))
            {
                var property = type.GetProperty("Seed", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
                if (property is null || property.PropertyType != typeof(int?) || property.GetIndexParameters().Length > 0)
                {
                    continue;
                }

                try
                {
                    return (int?)property.GetValue(holder);
                }
                catch (TargetInvocationException)
                {
                    // A property that throws says nothing about the seed; look further, then draw one.
                }
            }
        }

        return null;
    }

    private static int Draw(MLContext mlContext) =>
        ((IHostEnvironment)mlContext).Register(nameof(CrossModalCatalog)).Rand.Next();
}
