using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace FaultLab.Control;

/// <summary>Counts FaultLab's own metrics (every meter named <c>FaultLab</c>, shared or from a meter factory), so the
/// control API reports exactly what the dashboards see, without a second bookkeeping in the fault pipeline.</summary>
internal sealed class CounterListener : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly string? _clientName;
    private readonly ConcurrentDictionary<string, long> _injected = new(StringComparer.Ordinal);
    private long _forwarded;

    public CounterListener(string? clientName)
    {
        _clientName = clientName;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == FaultLabTelemetry.MeterName &&
                instrument.Name is FaultLabTelemetry.InjectedCounterName or FaultLabTelemetry.ForwardedCounterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>(OnMeasurement);
        _listener.Start();
    }

    public FaultCounters Snapshot() =>
        new(Interlocked.Read(ref _forwarded), new Dictionary<string, long>(_injected, StringComparer.Ordinal));

    public void Reset()
    {
        Interlocked.Exchange(ref _forwarded, 0);
        _injected.Clear();
    }

    public void Dispose() => _listener.Dispose();

    private void OnMeasurement(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        string? client = null;
        string? name = null;
        foreach (var tag in tags)
        {
            if (tag.Key == FaultLabTelemetry.ClientTag)
            {
                client = tag.Value as string;
            }
            else if (tag.Key == FaultLabTelemetry.FaultNameTag)
            {
                name = tag.Value as string;
            }
        }

        if (_clientName is not null && !string.Equals(client, _clientName, StringComparison.Ordinal))
        {
            return;
        }

        if (instrument.Name == FaultLabTelemetry.ForwardedCounterName)
        {
            Interlocked.Add(ref _forwarded, value);
        }
        else
        {
            _injected.AddOrUpdate(name ?? "?", value, (_, count) => count + value);
        }
    }
}
