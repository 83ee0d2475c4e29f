using System.Collections.Concurrent;
using System.Reflection;
using FaultLab.Catalog;

namespace FaultLab;

/// <summary>
/// Every fault kind FaultLab knows, read from the fault types themselves (each carries its description and example;
/// its name is its type's name without <c>Fault</c>). The JSON binder, the script builder, the proxy, the README
/// catalogue and any host that enumerates faults (a resilience matrix) read this one list, so a kind is added in
/// one place. Sorted by name.
/// </summary>
public static class FaultCatalog
{
    private static readonly ConcurrentDictionary<Type, string> Names = new();
    private static readonly Lazy<IReadOnlyList<FaultKind>> All = new(Discover);

    /// <summary>Gets every kind, sorted by name.</summary>
    public static IReadOnlyList<FaultKind> Kinds => All.Value;

    /// <summary>Finds a kind by its name, case-insensitively (as configuration keys are).</summary>
    /// <param name="name">The kind's name, for example <c>Status</c>.</param>
    /// <returns>The kind, or <see langword="null"/> when there is none of that name.</returns>
    public static FaultKind? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Kinds.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A fault type's kind name: its type name without the <c>Fault</c> suffix.</summary>
    internal static string NameOf(Type faultType) => Names.GetOrAdd(faultType, static t =>
        t.Name.EndsWith(nameof(Fault), StringComparison.Ordinal) && t.Name.Length > nameof(Fault).Length ? t.Name[..^nameof(Fault).Length] : t.Name);

    // Stryker disable once Logical : the attribute filter after it already leaves out every type that is not a concrete fault
    private static bool IsConcreteFault(Type type) => type.IsSubclassOf(typeof(Fault)) && !type.IsAbstract;

    private static IReadOnlyList<FaultKind> Discover() =>
    [
        .. typeof(Fault).Assembly.GetTypes()
            .Where(IsConcreteFault)
            .Select(t => (Type: t, Attribute: t.GetCustomAttribute<FaultKindAttribute>()))
            .Where(k => k.Attribute is not null)
            .Select(k => new FaultKind(NameOf(k.Type), k.Type, k.Attribute!.Description, k.Attribute.Example))
            .OrderBy(k => k.Name, StringComparer.Ordinal),
    ];
}
