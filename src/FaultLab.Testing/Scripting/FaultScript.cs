using Microsoft.Extensions.Logging;

namespace FaultLab.Testing;

/// <summary>A fault script without dependency injection: a handler for SDKs that take an <see cref="HttpMessageHandler"/>
/// or an <see cref="HttpClient"/> (<c>new HttpClient(FaultScript.CreateHandler(s =&gt; s.Status(HttpStatusCode.TooManyRequests).ThenPass()))</c>).</summary>
public static class FaultScript
{
    /// <summary>Builds a handler that plays <paramref name="script"/>, one step per attempt, above <paramref name="innerHandler"/>.</summary>
    /// <param name="script">Writes the script.</param>
    /// <param name="innerHandler">The primary handler; a new <see cref="SocketsHttpHandler"/> when omitted.</param>
    /// <param name="timeProvider">The clock for delays and hangs; pass the test's <see cref="TestClock"/>. The system clock when omitted.</param>
    /// <param name="loggerFactory">Where injected faults (and a refusal in Production) are logged.</param>
    /// <param name="clientName">The client name reported in telemetry.</param>
    /// <returns>The handler.</returns>
    /// <exception cref="ArgumentException">The script is invalid; the message lists every problem.</exception>
    public static DelegatingHandler CreateHandler(Action<FaultScriptBuilder> script, HttpMessageHandler? innerHandler = null,
        TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null, string clientName = "default")
    {
        ArgumentNullException.ThrowIfNull(script);
        return FaultInjection.CreateHandler(faults => faults.AddScript(script), innerHandler, timeProvider, loggerFactory, clientName);
    }
}
