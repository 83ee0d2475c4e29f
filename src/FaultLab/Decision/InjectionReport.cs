using FaultLab.Telemetry;

namespace FaultLab.Decision;

/// <summary>Reports one fault's injections: metric, activity event, log line and a mark on the request.</summary>
internal sealed class InjectionReport(FaultTelemetry telemetry, string clientName, string kind, string name)
{
    /// <summary>The same report under another kind, keeping the fault's name (a script reports each step's kind).</summary>
    public InjectionReport As(string otherKind) => new(telemetry, clientName, otherKind, name);

    /// <summary>Reports an injection into <paramref name="request"/>.</summary>
    /// <param name="request">The attempt's request, when known.</param>
    /// <param name="statusCode">The injected status, for a fault that answered.</param>
    /// <param name="exception">The injected exception, for a fault that threw.</param>
    public void Injected(HttpRequestMessage? request, int? statusCode = null, Exception? exception = null) =>
        telemetry.Report(clientName, new InjectedFault(kind, name, statusCode, exception?.GetType().Name), request);
}
