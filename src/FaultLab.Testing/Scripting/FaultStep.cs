using System.Net;
using FaultLab.Configuration;
using Polly;

namespace FaultLab.Testing;

/// <summary>
/// What one attempt of a <see cref="ScriptedFault"/> sees. Each step is realized with the same response or exception
/// shapes as the matching FaultLab fault, so a script exercises the resilience under test exactly as that fault would.
/// </summary>
public abstract class FaultStep
{
    private protected FaultStep()
    {
    }

    /// <summary>Gets the fault kind this step imitates (for example <c>Status</c>); reported in FaultLab telemetry.</summary>
    public abstract string Kind { get; }

    /// <summary>The attempt reaches the dependency untouched.</summary>
    /// <returns>The step.</returns>
    public static FaultStep Pass() => new PassStep();

    /// <summary>The attempt is answered with an error status and a problem-details body.</summary>
    /// <param name="statusCode">The status: 4xx or 5xx.</param>
    /// <param name="retryAfter">An optional <c>Retry-After</c>, sent as delta-seconds.</param>
    /// <returns>The step.</returns>
    public static FaultStep Status(HttpStatusCode statusCode, TimeSpan? retryAfter = null) =>
        Status(new StatusFault { StatusCode = (int)statusCode, RetryAfter = retryAfter });

    /// <summary>The attempt is answered as <paramref name="fault"/> answers (status, body, headers).</summary>
    /// <param name="fault">The status fault whose response to send.</param>
    /// <returns>The step.</returns>
    public static FaultStep Status(StatusFault fault) => new StatusStep(fault ?? throw new ArgumentNullException(nameof(fault)));

    /// <summary>The attempt fails as <paramref name="fault"/> fails (DNS failure, connection refused or reset).</summary>
    /// <param name="fault">The network fault whose exception to throw.</param>
    /// <returns>The step.</returns>
    public static FaultStep Throw(ExceptionFault fault) => new ExceptionStep(fault ?? throw new ArgumentNullException(nameof(fault)));

    /// <summary>The attempt fails to connect after <paramref name="timeout"/> on the injected clock.</summary>
    /// <param name="timeout">How long the connect attempt lasts.</param>
    /// <returns>The step.</returns>
    public static FaultStep ConnectTimeout(TimeSpan timeout) => new ConnectTimeoutStep(timeout);

    /// <summary>The attempt never gets an answer: it waits until cancelled.</summary>
    /// <returns>The step.</returns>
    public static FaultStep Hang() => new HangStep();

    /// <summary>The attempt is delayed by <paramref name="delay"/> on the injected clock, then reaches the dependency.</summary>
    /// <param name="delay">The delay.</param>
    /// <returns>The step.</returns>
    public static FaultStep Latency(TimeSpan delay) => new LatencyStep(delay);

    /// <inheritdoc/>
    public override string ToString() => Kind;

    /// <summary>Checks the step's own settings.</summary>
    internal virtual void Validate(SettingPath path, List<string> errors)
    {
    }

    /// <summary>Realizes the step: an outcome to return instead of calling the dependency, or <see langword="null"/> to call it.</summary>
    internal abstract ValueTask<Outcome<HttpResponseMessage>?> RunAsync(StepContext context);
}
