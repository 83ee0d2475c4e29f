namespace FaultLab.Tests.Recipes;

/// <summary>
/// Recipes run one at a time: RunUntilComplete waits for the thread pool to go quiet before each advance of the fake
/// clock, and recipes running beside each other would keep it busy (slower, never wrong).
/// </summary>
[CollectionDefinition(Name)]
public sealed class RecipeCollection
{
    public const string Name = "Recipes";
}
