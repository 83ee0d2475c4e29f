using System.Globalization;
using Polly.CircuitBreaker;

namespace FaultLab.Testing;

/// <summary>What one fault did to the call: the outcome and the evidence behind it.</summary>
/// <param name="Variant">The fault.</param>
/// <param name="Outcome">Survived, degraded or failed.</param>
/// <param name="Final">The final status (<c>200</c>) or exception type (<c>HttpRequestException</c>), or why it never ended.</param>
/// <param name="Exchanges">Every attempt that reached the dependency (injected faults included), in order.</param>
/// <param name="CircuitTransitions">The circuit's transitions, when the client reports them through Polly.</param>
/// <param name="FallbackUsed">Whether a Polly fallback answered.</param>
/// <param name="Elapsed">How long the call took on the run's clock (fake time on the test clock).</param>
/// <param name="Ended">Whether the call ended at all before the matrix's limit.</param>
public sealed record MatrixRow(MatrixVariant Variant, MatrixOutcome Outcome, string Final, IReadOnlyList<DependencyExchange> Exchanges,
    IReadOnlyList<CircuitState> CircuitTransitions, bool FallbackUsed, TimeSpan Elapsed, bool Ended)
{
    /// <summary>Gets how many attempts reached the dependency.</summary>
    public int Attempts => Exchanges.Count;

    /// <summary>Gets how many attempts followed the first: retries, hedges, token refreshes.</summary>
    public int Retries => Math.Max(0, Exchanges.Count - 1);

    /// <summary>Gets the waits between the end of each attempt and the start of the next, as the dependency saw them.</summary>
    public IReadOnlyList<TimeSpan> RetryDelays =>
    [
        .. Exchanges.Zip(Exchanges.Skip(1)).Select(p => p.Second.At - (p.First.EndedAt ?? p.First.At)),
    ];

    /// <summary>Gets the expectation set for this row, or <see langword="null"/>.</summary>
    public MatrixOutcome? Expected { get; init; }

    /// <summary>Gets a value indicating whether the row meets its expectation (true when it has none).</summary>
    public bool MeetsExpectation => Expected is not { } e || e == Outcome;

    /// <summary>Gets the retry delays as text: <c>2.000 s, 4.120 s</c>, or <c>-</c>.</summary>
    public string RetryDelaysText => RetryDelays.Count == 0
        ? "-"
        : string.Join(", ", RetryDelays.Select(d => d.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s"));

    /// <summary>Gets the circuit transitions as text: <c>Open</c>, or <c>-</c>.</summary>
    public string CircuitText => CircuitTransitions.Count == 0 ? "-" : string.Join(" > ", CircuitTransitions);
}
