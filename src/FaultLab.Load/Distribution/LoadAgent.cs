using System.Globalization;

namespace FaultLab.Load;

/// <summary>
/// Makes a process agent <see cref="Index"/> of <see cref="Count"/>: it runs exactly its share of one global schedule.
/// Open model: arrival <c>k</c> of every phase belongs to agent <c>k mod Count</c>, so the agents together send the
/// whole schedule, each arrival once. Closed model: copy <c>c</c> belongs to agent <c>c mod Count</c>, so copy counts
/// (and shared iteration budgets) split exactly even when they do not divide evenly (k6's execution segments with
/// equal segments). All agents start their measured run at <see cref="StartAt"/>, one absolute UTC instant.
/// </summary>
public sealed class LoadAgent
{
    /// <summary>The variable holding the zero-based agent index.</summary>
    public const string IndexVariable = "FAULTLAB_AGENT_INDEX";

    /// <summary>The variable holding the number of agents.</summary>
    public const string CountVariable = "FAULTLAB_AGENT_COUNT";

    /// <summary>The variable holding the common start instant (ISO 8601 UTC, for example <c>2026-12-01T10:00:00Z</c>).</summary>
    public const string StartAtVariable = "FAULTLAB_AGENT_START_AT";

    /// <summary>Kubernetes sets this in every pod of an Indexed Job; used when <see cref="IndexVariable"/> is absent.</summary>
    public const string KubernetesIndexVariable = "JOB_COMPLETION_INDEX";

    /// <summary>Creates agent <paramref name="index"/> of <paramref name="count"/>.</summary>
    /// <param name="index">Zero-based index, below <paramref name="count"/>.</param>
    /// <param name="count">Number of agents, at least 1.</param>
    /// <param name="startAt">The common start instant; null starts as soon as this agent is ready (only sensible for one agent or a test).</param>
    public LoadAgent(int index, int count, DateTimeOffset? startAt = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
        Index = index;
        Count = count;
        StartAt = startAt?.ToUniversalTime();
    }

    /// <summary>Gets the zero-based index of this agent.</summary>
    public int Index { get; }

    /// <summary>Gets the number of agents sharing the schedule.</summary>
    public int Count { get; }

    /// <summary>Gets the UTC instant every agent starts its measured run at, or null to start when ready.</summary>
    public DateTimeOffset? StartAt { get; }

    /// <summary>
    /// Reads the agent from the process environment: <see cref="IndexVariable"/> (or Kubernetes'
    /// <see cref="KubernetesIndexVariable"/>), <see cref="CountVariable"/> and <see cref="StartAtVariable"/>.
    /// Returns null when neither an index nor a count is set (a plain single-process run).
    /// </summary>
    /// <exception cref="ArgumentException">A variable is set but invalid, or only one of index and count is set; the message names the variable.</exception>
    public static LoadAgent? FromEnvironment() => FromVariables(Environment.GetEnvironmentVariable);

    /// <summary>Like <see cref="FromEnvironment"/>, reading variables through <paramref name="variable"/>.</summary>
    /// <param name="variable">Returns a variable's value, or null when it is not set.</param>
    public static LoadAgent? FromVariables(Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        var indexName = variable(IndexVariable) is not null ? IndexVariable : KubernetesIndexVariable;
        var indexText = variable(indexName);
        var countText = variable(CountVariable);
        if (indexText is null && countText is null)
        {
            return null;
        }

        if (countText is null)
        {
            throw new ArgumentException($"{indexName} is set ('{indexText}') but {CountVariable} is not: an agent needs the number of agents.");
        }

        if (indexText is null)
        {
            throw new ArgumentException($"{CountVariable} is set ('{countText}') but neither {IndexVariable} nor {KubernetesIndexVariable} is.");
        }

        var count = ParseInt(CountVariable, countText, minimum: 1);
        var index = ParseInt(indexName, indexText, minimum: 0);
        if (index >= count)
        {
            throw new ArgumentException($"{indexName} must be below {CountVariable} ({count}), was {index}.");
        }

        DateTimeOffset? startAt = null;
        if (variable(StartAtVariable) is { } startText)
        {
            if (!DateTimeOffset.TryParse(startText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
            {
                throw new ArgumentException($"{StartAtVariable} must be an ISO 8601 instant such as 2026-12-01T10:00:00Z, was '{startText}'.");
            }

            startAt = parsed;
        }

        return new LoadAgent(index, count, startAt);
    }

    /// <inheritdoc />
    public override string ToString() => StartAt is { } start
        ? string.Create(CultureInfo.InvariantCulture, $"agent {Index} of {Count}, start {start:yyyy-MM-ddTHH:mm:ss.fffZ}")
        : string.Create(CultureInfo.InvariantCulture, $"agent {Index} of {Count}");

    private static int ParseInt(string name, string text, int minimum)
    {
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < minimum)
        {
            throw new ArgumentException($"{name} must be a whole number of at least {minimum}, was '{text}'.");
        }

        return value;
    }
}
