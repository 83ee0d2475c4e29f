namespace FaultLab.Load;

/// <summary>
/// Names of what FaultLab.Load publishes while a run is going on, on the <see cref="System.Diagnostics.Metrics.Meter"/>
/// named <see cref="MeterName"/>: any OpenTelemetry exporter (OTLP, Prometheus, the Aspire dashboard) or a
/// <see cref="System.Diagnostics.Metrics.MeterListener"/> shows a run live. Only the measured run publishes (warm-up
/// does not), so the live totals end equal to the report's.
/// </summary>
public static class LoadTelemetry
{
    /// <summary>The meter's name: <c>FaultLab.Load</c>.</summary>
    public const string MeterName = "FaultLab.Load";

    /// <summary>Counter of completed iterations (ok and failed), unit <c>{request}</c>.</summary>
    public const string Requests = "faultlab.load.requests";

    /// <summary>Counter of failed iterations, unit <c>{request}</c>.</summary>
    public const string Failures = "faultlab.load.failures";

    /// <summary>Histogram of iteration latency in seconds, timed from the intended start (as the report's latency is).</summary>
    public const string Latency = "faultlab.load.latency";

    /// <summary>Counter of open-model arrivals dropped because the concurrency cap was reached, unit <c>{request}</c>.</summary>
    public const string Dropped = "faultlab.load.dropped";

    /// <summary>Up-down counter of iterations running right now, unit <c>{request}</c>.</summary>
    public const string InFlight = "faultlab.load.in_flight";

    /// <summary>Tag on every measurement: the scenario name.</summary>
    public const string ScenarioTag = "faultlab.load.scenario";

    /// <summary>Tag on every measurement of an agent run: the agent index (see <see cref="LoadAgent"/>).</summary>
    public const string AgentTag = "faultlab.load.agent";

    /// <summary>Tag on requests, failures and latency when the step reported a status code.</summary>
    public const string StatusCodeTag = "http.response.status_code";
}
