namespace FaultLab;

/// <summary>One fault FaultLab injected into a request: recorded on the request's options so that code above the
/// handler (a load test, a test assertion) can tell an injected failure from a real one.</summary>
/// <param name="Kind">The fault kind.</param>
/// <param name="Name">The fault's configured name.</param>
/// <param name="StatusCode">The injected status code, when the fault answered with a response.</param>
/// <param name="ErrorType">The injected exception's type name, when the fault threw.</param>
public sealed record InjectedFault(string Kind, string Name, int? StatusCode, string? ErrorType)
{
    // Stryker disable once String : the key's name only has to differ from other options' keys; an empty one does too
    private static readonly HttpRequestOptionsKey<InjectedFaultLog> LogKey = new("FaultLab.InjectedFaults");

    /// <summary>The marker placed in <see cref="Exception.Data"/> of every injected exception, where no resilience
    /// predicate looks, so a debugger can tell an injected failure from a real one.</summary>
    public const string ExceptionDataKey = "FaultLab.InjectedFault";

    /// <summary>Lists the faults injected into <paramref name="request"/> so far (across retries), oldest first.</summary>
    /// <param name="request">The request to inspect.</param>
    /// <returns>The injected faults; empty when none fired.</returns>
    public static IReadOnlyList<InjectedFault> For(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Options.TryGetValue(LogKey, out var log) ? log.Snapshot() : [];
    }

    /// <summary>
    /// Starts a log on <paramref name="request"/> before it is sent, so that faults injected into copies of it
    /// (hedging sends clones that carry the same options) are listed on the original too.
    /// </summary>
    /// <param name="request">The request about to be sent.</param>
    public static void Track(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Options.TryGetValue(LogKey, out _))
        {
            request.Options.Set(LogKey, new InjectedFaultLog());
        }
    }

    internal static void Record(HttpRequestMessage request, InjectedFault fault)
    {
        if (!request.Options.TryGetValue(LogKey, out var log))
        {
            log = new InjectedFaultLog();
            request.Options.Set(LogKey, log);
        }

        log.Add(fault);
    }

    /// <summary>Shared by a request and its clones; appended to concurrently by hedged attempts.</summary>
    private sealed class InjectedFaultLog
    {
        private readonly Lock _lock = new();
        private readonly List<InjectedFault> _faults = [];

        public void Add(InjectedFault fault)
        {
            lock (_lock)
            {
                _faults.Add(fault);
            }
        }

        public IReadOnlyList<InjectedFault> Snapshot()
        {
            lock (_lock)
            {
                return _faults.ToArray();
            }
        }
    }
}
