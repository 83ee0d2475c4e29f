namespace FaultLab.Load.NBomber;

/// <summary>
/// FaultLab addition: apply an NBomber JSON config to runs whose code you do not want to touch — for example to
/// shorten an existing program's simulations in a test. The config is applied after the code's own
/// <c>LoadConfig</c> files, so it wins. <see cref="UseConfig"/> scopes it to the calling async flow (tests in
/// parallel do not see each other's); the environment variable <c>FAULTLAB_NBOMBER_CONFIG</c> applies a file to
/// every run of the process.
/// </summary>
public static class NBomberOverrides
{
    /// <summary>The environment variable naming a config file applied to every run.</summary>
    public const string ConfigVariable = "FAULTLAB_NBOMBER_CONFIG";

    /// <summary>The environment variable holding a time scale (0 &lt; scale ≤ 1) applied to every run.</summary>
    public const string TimeScaleVariable = "FAULTLAB_NBOMBER_TIMESCALE";

    private static readonly AsyncLocal<string?> Scoped = new();
    private static readonly AsyncLocal<double?> ScopedScale = new();
    private static readonly AsyncLocal<Microsoft.Extensions.Logging.ILoggerFactory?> ScopedLogger = new();

    /// <summary>
    /// Compresses time for runs started from this async flow until disposed: every simulation's duration and
    /// interval, warm-ups, thresholds' <c>startCheckAfter</c> and the reporting interval are multiplied by
    /// <paramref name="scale"/>, and iteration budgets too (rounded up, at least 1). Time-bound open-model phases
    /// keep their arrival counts (the rate rises by 1 / scale); delays inside the scenario code are not compressed.
    /// Meant for running existing scenarios as quick tests.
    /// </summary>
    /// <param name="scale">Between 0 (exclusive) and 1.</param>
    public static IDisposable UseTimeScale(double scale)
    {
        if (double.IsNaN(scale) || scale <= 0 || scale > 1)
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "The time scale must be in (0, 1].");
        var previous = ScopedScale.Value;
        ScopedScale.Value = scale;
        return new Undo(() => ScopedScale.Value = previous);
    }

    /// <summary>Sends <c>context.Logger</c> output of runs started from this async flow to <paramref name="loggerFactory"/> until disposed.</summary>
    /// <param name="loggerFactory">The factory.</param>
    public static IDisposable UseLoggerFactory(Microsoft.Extensions.Logging.ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var previous = ScopedLogger.Value;
        ScopedLogger.Value = loggerFactory;
        return new Undo(() => ScopedLogger.Value = previous);
    }

    private static readonly AsyncLocal<Action<Contracts.Stats.NodeStats>?> ScopedObserver = new();

    /// <summary>
    /// Hands the statistics of every run started from this async flow to <paramref name="observer"/> until disposed,
    /// for programs that discard <c>Run()</c>'s result (assert on them, or forward them to CI).
    /// </summary>
    /// <param name="observer">Called once per finished run.</param>
    public static IDisposable ObserveResults(Action<Contracts.Stats.NodeStats> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        var previous = ScopedObserver.Value;
        ScopedObserver.Value = observer;
        return new Undo(() => ScopedObserver.Value = previous);
    }

    /// <summary>The result observer in force, or null.</summary>
    internal static Action<Contracts.Stats.NodeStats>? CurrentObserver() => ScopedObserver.Value;

    /// <summary>The time scale in force for a run started now (1 when none).</summary>
    internal static double CurrentTimeScale()
    {
        if (ScopedScale.Value is { } scoped)
            return scoped;
        var text = Environment.GetEnvironmentVariable(TimeScaleVariable);
        if (string.IsNullOrWhiteSpace(text))
            return 1;
        return double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var scale)
            && scale > 0 && scale <= 1
            ? scale
            : throw new FormatException($"{TimeScaleVariable}: expected a number in (0, 1], got '{text}'.");
    }

    /// <summary>The logger factory override in force, or null.</summary>
    internal static Microsoft.Extensions.Logging.ILoggerFactory? CurrentLoggerFactory() => ScopedLogger.Value;

    /// <summary>Applies the config file at <paramref name="path"/> to runs started from this async flow until disposed.</summary>
    /// <param name="path">The NBomber JSON config file.</param>
    public static IDisposable UseConfig(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var previous = Scoped.Value;
        Scoped.Value = path;
        return new Undo(() => Scoped.Value = previous);
    }

    /// <summary>The override files in force for a run started now, in the order they apply.</summary>
    internal static IEnumerable<string> Current()
    {
        if (Environment.GetEnvironmentVariable(ConfigVariable) is { Length: > 0 } fromEnvironment)
            yield return fromEnvironment;
        if (Scoped.Value is { } scoped)
            yield return scoped;
    }

    private sealed class Undo(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }
}
