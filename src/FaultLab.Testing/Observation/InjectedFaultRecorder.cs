using System.Diagnostics.Metrics;

namespace FaultLab.Testing;

/// <summary>
/// Records every fault FaultLab injects, from its counter <c>faultlab.faults.injected</c> on meter <c>FaultLab</c>.
/// Pass the client name to see only that client's faults when tests run in parallel. Dispose to stop listening.
/// </summary>
public sealed class InjectedFaultRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly string? _client;
    private readonly Lock _gate = new();
    private readonly List<RecordedFault> _faults = [];

    /// <summary>Starts recording.</summary>
    /// <param name="client">Only this client's faults; every client's when omitted.</param>
    public InjectedFaultRecorder(string? client = null)
    {
        _client = client;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == FaultLabTelemetry.MeterName && instrument.Name == FaultLabTelemetry.InjectedCounterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, _, tags, _) => Record(tags));
        _listener.Start();
    }

    /// <summary>Gets every fault recorded so far, oldest first.</summary>
    public IReadOnlyList<RecordedFault> Faults
    {
        get
        {
            lock (_gate)
            {
                return [.. _faults];
            }
        }
    }

    /// <summary>Counts the recorded faults of <paramref name="kind"/> (for example <c>Status</c>).</summary>
    /// <param name="kind">The fault kind.</param>
    /// <returns>The count.</returns>
    public int CountOf(string kind) => Faults.Count(f => string.Equals(f.Kind, kind, StringComparison.OrdinalIgnoreCase));

    /// <inheritdoc/>
    public void Dispose() => _listener.Dispose();

    private void Record(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        string? client = null, kind = null, name = null, error = null;
        int? status = null;
        foreach (var (key, value) in tags)
        {
            switch (key)
            {
                case FaultLabTelemetry.ClientTag: client = value as string; break;
                case FaultLabTelemetry.FaultKindTag: kind = value as string; break;
                case FaultLabTelemetry.FaultNameTag: name = value as string; break;
                case FaultLabTelemetry.StatusCodeTag: status = value is int code ? code : null; break;
                case FaultLabTelemetry.ErrorTypeTag: error = value as string; break;
            }
        }

        if (_client is not null && !string.Equals(client, _client, StringComparison.Ordinal))
        {
            return;
        }

        lock (_gate)
        {
            _faults.Add(new RecordedFault(client ?? string.Empty, kind ?? string.Empty, name ?? string.Empty, status, error));
        }
    }
}

/// <summary>One injected fault as FaultLab's metric reported it.</summary>
/// <param name="Client">The client it was injected into.</param>
/// <param name="Kind">The fault kind (a script reports the kind of its step).</param>
/// <param name="Name">The fault's name.</param>
/// <param name="StatusCode">The injected status, for faults that answered.</param>
/// <param name="ErrorType">The injected exception's type name, for faults that threw.</param>
public sealed record RecordedFault(string Client, string Kind, string Name, int? StatusCode, string? ErrorType);
