using System.Collections.Concurrent;

namespace FaultLab.Load;

/// <summary>One <see cref="OutcomeRecorder"/> per named step, created on first use and bounded in number.</summary>
internal sealed class StepsRecorder
{
    /// <summary>Beyond this many distinct step names, new names fold into "(other)" so memory stays bounded.</summary>
    public const int MaxSteps = 100;

    private readonly ConcurrentDictionary<string, OutcomeRecorder> _steps = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _order = new(StringComparer.Ordinal);
    private int _count;

    public IEnumerable<KeyValuePair<string, OutcomeRecorder>> Steps => _steps;

    /// <summary>The position at which a step was first seen, so reports list steps in the order they ran.</summary>
    public int OrderOf(string name) => _order.TryGetValue(name, out var index) ? index : int.MaxValue;

    public void Record(string name, Response response, TimeSpan latency) =>
        For(name).Record(response, Histograms.ToMicros(latency));

    private OutcomeRecorder For(string name)
    {
        if (_steps.TryGetValue(name, out var existing))
        {
            return existing;
        }

        // Stryker disable once Block : without the early return GetOrAdd below returns the same existing (other) recorder and orders nothing
        if (Volatile.Read(ref _count) >= MaxSteps && _steps.TryGetValue(name = StatsRecorder.OtherTag, out existing))
        {
            return existing;
        }

        var created = new OutcomeRecorder();
        var actual = _steps.GetOrAdd(name, created);
        if (ReferenceEquals(actual, created))
        {
            _order[name] = Interlocked.Increment(ref _count) - 1;
        }

        return actual;
    }
}
