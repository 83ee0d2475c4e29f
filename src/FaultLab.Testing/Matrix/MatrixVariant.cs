namespace FaultLab.Testing;

/// <summary>
/// One fault the matrix runs a call under: a name, the faults it injects (built with the ordinary
/// <see cref="FaultInjectionBuilder"/>, scripts included), and what happens before the measured call.
/// </summary>
/// <param name="Name">The row's name, unique in a matrix (for example <c>DNS failure</c>).</param>
/// <param name="Kind">The fault kind realized (for example <c>DnsFailure</c>).</param>
/// <param name="Class">What sort of failure it is, for assertions over groups.</param>
/// <param name="Description">What the dependency does, in one phrase.</param>
/// <param name="Faults">Adds the faults, innermost, exactly as a profile would.</param>
public sealed record MatrixVariant(string Name, string Kind, MatrixFaultClass Class, string Description, Action<FaultInjectionBuilder> Faults)
{
    /// <summary>Gets the calls made before the measured one and not reported (to use up a rate limit or age a token). Defaults to 0.</summary>
    public int PrimingCalls { get; init; }

    /// <summary>Gets the fake time that passes between the priming calls and the measured call. Defaults to zero.</summary>
    public TimeSpan PauseAfterPriming { get; init; }

    /// <inheritdoc/>
    public override string ToString() => Name;
}

/// <summary>What sort of failure a <see cref="MatrixVariant"/> is.</summary>
public enum MatrixFaultClass
{
    /// <summary>A brief failure a retry can ride out (one 503, a blip, a reset, one hang).</summary>
    Transient,

    /// <summary>A failure at the connection level (DNS, refused, reset, connect timeout), before any response.</summary>
    Connection,

    /// <summary>A failure that lasts longer than any retry budget.</summary>
    Sustained,

    /// <summary>A broken or slow response body, after the headers arrived.</summary>
    Body,

    /// <summary>Slow but successful responses.</summary>
    Latency,

    /// <summary>An authentication failure (an expired token).</summary>
    Auth,

    /// <summary>Another kind registered in <see cref="FaultCatalog"/>, from its catalogue example (it fires on every attempt).</summary>
    Other,

    /// <summary>A fault the user added.</summary>
    Custom,
}
