namespace FaultLab.Catalog;

/// <summary>
/// Puts a fault type in the <see cref="FaultCatalog"/>: its kind is the type's name without <c>Fault</c>, so the name
/// is written once, by the class itself. Adding a kind = its class with this attribute (plus its builder extension
/// and its test); nothing central to edit.
/// </summary>
/// <param name="description">What the caller sees, in one sentence (the catalogue's description).</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
internal sealed class FaultKindAttribute(string description) : Attribute
{
    public string Description => description;

    /// <summary>Gets the settings of a small valid instance as a JSON object (without <c>Kind</c>), bound through the
    /// profile binder: the catalogue's example, used by hosts that enumerate kinds. Defaults to no settings.</summary>
    public string Example { get; init; } = "{}";
}
