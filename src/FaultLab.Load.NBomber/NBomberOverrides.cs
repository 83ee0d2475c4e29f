namespace FaultLab.Load.NBomber;

/// <summary>
/// FaultLab addition: apply an NBomber JSON config to runs whose code you do not want to touch — for example to
/// shorten a copied scenario's simulations in a test. The config is applied after the code's own
/// <c>LoadConfig</c> files, so it wins. <see cref="UseConfig"/> scopes it to the calling async flow (tests in
/// parallel do not see each other's); the environment variable <c>FAULTLAB_NBOMBER_CONFIG</c> applies a file to
/// every run of the process.
/// </summary>
public static class NBomberOverrides
{
    /// <summary>The environment variable naming a config file applied to every run.</summary>
    public const string ConfigVariable = "FAULTLAB_NBOMBER_CONFIG";

    private static readonly AsyncLocal<string?> Scoped = new();

    /// <summary>Applies the config file at <paramref name="path"/> to runs started from this async flow until disposed.</summary>
    /// <param name="path">The NBomber JSON config file.</param>
    public static IDisposable UseConfig(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var previous = Scoped.Value;
        Scoped.Value = path;
        return new Restore(previous);
    }

    /// <summary>The override files in force for a run started now, in the order they apply.</summary>
    internal static IEnumerable<string> Current()
    {
        if (Environment.GetEnvironmentVariable(ConfigVariable) is { Length: > 0 } fromEnvironment)
            yield return fromEnvironment;
        if (Scoped.Value is { } scoped)
            yield return scoped;
    }

    private sealed class Restore(string? previous) : IDisposable
    {
        public void Dispose() => Scoped.Value = previous;
    }
}
