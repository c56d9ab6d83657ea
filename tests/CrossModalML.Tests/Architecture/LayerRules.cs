using System.Reflection;
using System.Text.RegularExpressions;
using NetArchTest.Rules;

namespace CrossModalML.Tests.Architecture;

/// <summary>
/// The rooms of an assembly and the rooms each may use; every other room under the same root namespace is forbidden.
/// <see cref="Violations"/> lists the types that reach a forbidden room, read from the compiled IL (signatures, fields,
/// method bodies), so a dependency hidden in a method body is caught as well as one in a signature.
/// </summary>
internal sealed class LayerRules(string root, IReadOnlyDictionary<string, string[]> allowed)
{
    /// <summary>The root namespace; a room is <c>root.Room</c> and its child namespaces.</summary>
    public string Root { get; } = root;

    /// <summary>Each room and the rooms it may use (itself is always allowed).</summary>
    public IReadOnlyDictionary<string, string[]> Allowed { get; } = allowed;

    /// <summary>Types of <paramref name="assembly"/> that depend on a room (or one of <paramref name="topTypes"/>) they may not use,
    /// one line each, naming the type, its room and the rooms it may not use.</summary>
    /// <param name="assembly">The assembly to read.</param>
    /// <param name="topTypes">Full names of root-namespace types that sit above every room (a front door); no room may use them.</param>
    public IReadOnlyList<string> Violations(Assembly assembly, IReadOnlyCollection<string>? topTypes = null)
    {
        var types = Types.InAssembly(assembly);
        var found = new List<string>();
        foreach (var (room, uses) in Allowed)
        {
            var forbidden = Allowed.Keys.Where(other => other != room && !uses.Contains(other)).Select(other => $"{Root}.{other}").ToList();
            forbidden.AddRange(topTypes ?? []);
            var result = types
                .That().ResideInNamespaceMatching($"^{Regex.Escape($"{Root}.{room}")}(\\..*)?$")
                .ShouldNot().HaveDependencyOnAny([.. forbidden])
                .GetResult();
            if (!result.IsSuccessful)
            {
                found.AddRange(result.FailingTypes.Select(t => $"{t.FullName} ({room}) uses one of: {string.Join(", ", forbidden.Select(f => f[(Root.Length + 1)..]))}"));
            }
        }

        return found.Distinct().Order(StringComparer.Ordinal).ToList();
    }
}
