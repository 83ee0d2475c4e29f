using System.Net;

namespace FaultLab.Testing;

/// <summary>Writes a <see cref="ScriptedFault"/> attempt by attempt: <c>s =&gt; s.Status(503, times: 2).ThenPass()</c>.
/// Every step is a catalogue fault realized exactly as in a profile; <see cref="Fault(FaultLab.Fault, int)"/> takes any kind.</summary>
public sealed class FaultScriptBuilder
{
    internal FaultScriptBuilder(ScriptedFault fault) => Script = fault;

    /// <summary>Gets the script being written.</summary>
    public ScriptedFault Script { get; }

    /// <summary>Adds <paramref name="times"/> attempts that see <paramref name="step"/>.</summary>
    /// <param name="step">The step.</param>
    /// <param name="times">How many consecutive attempts see it.</param>
    /// <returns>The same builder.</returns>
    public FaultScriptBuilder Then(FaultStep step, int times = 1)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        for (int i = 0; i < times; i++)
        {
            Script.Steps.Add(step);
        }

        return this;
    }

    /// <summary>Gives attempts the outcome of <paramref name="fault"/>, any kind of the <see cref="FaultCatalog"/>, exactly
    /// as a profile realizes it (its rate, target and schedule are not consulted: the script decides).</summary>
    /// <param name="fault">The fault whose outcome the attempts get.</param>
    /// <param name="times">How many consecutive attempts.</param>
    /// <returns>The same builder.</returns>
    public FaultScriptBuilder Fault(Fault fault, int times = 1) => Then(FaultStep.Of(fault), times);

    /// <summary>Answers attempts with <paramref name="statusCode"/> (problem-details body, optional <c>Retry-After</c>).</summary>
    /// <param name="statusCode">The status: 4xx or 5xx.</param>
    /// <param name="times">How many consecutive attempts.</param>
    /// <param name="retryAfter">An optional <c>Retry-After</c>, sent as delta-seconds.</param>
    /// <returns>The same builder.</returns>
    public FaultScriptBuilder Status(HttpStatusCode statusCode, int times = 1, TimeSpan? retryAfter = null) =>
        Fault(new StatusFault { StatusCode = (int)statusCode, RetryAfter = retryAfter }, times);

    /// <summary>Answers attempts as a fully configured <see cref="StatusFault"/> would.</summary>
    /// <param name="configure">Sets status, body and headers.</param>
    /// <param name="times">How many consecutive attempts.</param>
    /// <returns>The same builder.</returns>
    public FaultScriptBuilder Status(Action<StatusFault> configure, int times = 1)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var fault = new StatusFault();
        configure(fault);
        return Fault(fault, times);
    }

    /// <summary>Fails attempts as if the host name did not resolve.</summary>
    /// <param name="times">How many consecutive attempts.</param>
    /// <returns>The same builder.</returns>
    public FaultScriptBuilder DnsFailure(int times = 1) => Fault(new DnsFailureFault(), times);

    /// <summary>Fails attempts as if nothing listened on the port.</summary>
    /// <param name="times">How many consecutive attempts.</param>
    /// <returns>The same builder.</returns>
    public FaultScriptBuilder ConnectionRefused(int times = 1) => Fault(new ConnectionRefusedFault(), times);

    /// <summary>Fails attempts as if the connection died before the response headers.</summary>
    /// <param name="times">How many consecutive attempts.</param>
    /// <param name="phase">Reset (RST) or a clean close before the headers.</param>
    /// <returns>The same builder.</returns>
    public FaultScriptBuilder ConnectionReset(int times = 1, ConnectionResetPhase phase = ConnectionResetPhase.ResetBeforeHeaders) =>
        Fault(new ConnectionResetFault { Phase = phase }, times);

    /// <summary>Fails attempts as if the connection could not be established within <paramref name="timeout"/>.</summary>
    /// <param name="timeout">How long each connect attempt lasts on the injected clock.</param>
    /// <param name="times">How many consecutive attempts.</param>
    /// <returns>The same builder.</returns>
    public FaultScriptBuilder ConnectTimeout(TimeSpan timeout, int times = 1) => Fault(new ConnectTimeoutFault { Timeout = timeout }, times);

    /// <summary>Makes attempts hang until cancelled.</summary>
    /// <param name="times">How many consecutive attempts.</param>
    /// <returns>The same builder.</returns>
    public FaultScriptBuilder Hang(int times = 1) => Fault(new HangFault(), times);

    /// <summary>Delays attempts by <paramref name="delay"/>, then lets them through.</summary>
    /// <param name="delay">The delay on the injected clock.</param>
    /// <param name="times">How many consecutive attempts.</param>
    /// <returns>The same builder.</returns>
    public FaultScriptBuilder Latency(TimeSpan delay, int times = 1) => Fault(new LatencyFault { Delay = delay }, times);

    /// <summary>Lets attempts through untouched.</summary>
    /// <param name="times">How many consecutive attempts.</param>
    /// <returns>The same builder.</returns>
    public FaultScriptBuilder Pass(int times = 1) => Then(FaultStep.Pass(), times);

    /// <summary>Lets every attempt after the script through (the default).</summary>
    /// <returns>The same builder.</returns>
    public FaultScriptBuilder ThenPass()
    {
        Script.AfterLastStep = ScriptEnd.Pass;
        return this;
    }

    /// <summary>Gives every attempt after the script the last step again: a dependency that keeps failing.</summary>
    /// <returns>The same builder.</returns>
    public FaultScriptBuilder ThenRepeatLastStep()
    {
        Script.AfterLastStep = ScriptEnd.RepeatLastStep;
        return this;
    }
}
