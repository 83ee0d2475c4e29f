namespace FaultLab;

/// <summary>Names of FaultLab's meter, activity source, instruments and tags, for listeners and dashboards.</summary>
public static class FaultLabTelemetry
{
    /// <summary>The name of the <see cref="System.Diagnostics.Metrics.Meter"/> every FaultLab instrument belongs to.</summary>
    public const string MeterName = "FaultLab";

    /// <summary>The name of the <see cref="System.Diagnostics.ActivitySource"/> FaultLab uses.</summary>
    public const string ActivitySourceName = "FaultLab";

    /// <summary>Counter of injected faults. Tags: <see cref="ClientTag"/>, <see cref="FaultKindTag"/>,
    /// <see cref="FaultNameTag"/>, and <see cref="StatusCodeTag"/> or <see cref="ErrorTypeTag"/>.</summary>
    public const string InjectedCounterName = "faultlab.faults.injected";

    /// <summary>Counter of requests passed on to the dependency (each retry counts): the attempts the dependency really
    /// saw, for measuring retry amplification. Tag: <see cref="ClientTag"/>.</summary>
    public const string ForwardedCounterName = "faultlab.requests.forwarded";

    /// <summary>The name of the event added to the current activity for each injected fault.</summary>
    public const string InjectedEventName = "faultlab.fault.injected";

    /// <summary>Tag: the logical <c>HttpClient</c> name.</summary>
    public const string ClientTag = "faultlab.client";

    /// <summary>Tag: the fault kind (for example <c>Status</c>, <c>DnsFailure</c>).</summary>
    public const string FaultKindTag = "faultlab.fault.kind";

    /// <summary>Tag: the fault's configured name (its kind when unnamed).</summary>
    public const string FaultNameTag = "faultlab.fault.name";

    /// <summary>Tag: the injected HTTP status code, for faults that answer with a response.</summary>
    public const string StatusCodeTag = "http.response.status_code";

    /// <summary>Tag: the injected exception's type name, for faults that throw.</summary>
    public const string ErrorTypeTag = "error.type";
}
