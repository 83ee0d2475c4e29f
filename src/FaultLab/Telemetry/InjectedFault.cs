namespace FaultLab;

/// <summary>One fault FaultLab injected into a request: recorded on the request's options so that code above the
/// handler (a load test, a test assertion) can tell an injected failure from a real one.</summary>
/// <param name="Kind">The fault kind.</param>
/// <param name="Name">The fault's configured name.</param>
/// <param name="StatusCode">The injected status code, when the fault answered with a response.</param>
/// <param name="ErrorType">The injected exception's type name, when the fault threw.</param>
public sealed record InjectedFault(string Kind, string Name, int? StatusCode, string? ErrorType)
{
    /// <summary>The request option under which every fault injected into a request is listed, in order.</summary>
    public static readonly HttpRequestOptionsKey<IReadOnlyList<InjectedFault>> RequestOptionKey = new("FaultLab.InjectedFaults");

    /// <summary>Lists the faults injected into <paramref name="request"/> so far (across retries), oldest first.</summary>
    /// <param name="request">The request to inspect.</param>
    /// <returns>The injected faults; empty when none fired.</returns>
    public static IReadOnlyList<InjectedFault> For(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Options.TryGetValue(RequestOptionKey, out var list) ? list : [];
    }

    /// <summary>The marker placed in <see cref="Exception.Data"/> of every injected exception, where no resilience
    /// predicate looks, so a debugger can tell an injected failure from a real one.</summary>
    public const string ExceptionDataKey = "FaultLab.InjectedFault";
}
