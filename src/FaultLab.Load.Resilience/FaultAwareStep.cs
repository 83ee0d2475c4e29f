namespace FaultLab.Load.Resilience;

/// <summary>
/// One HTTP call as a load step that knows about faults: the response is tagged with the faults FaultLab injected
/// into the request (across retries) and whether a fallback served it, so the run's tag breakdown shows which
/// injected fault produced which outcome (for example <c>Status</c> · ok: the retry rescued it).
/// </summary>
public static class FaultAwareStep
{
    /// <summary>The tag of a call no fault touched.</summary>
    public const string NoFaultTag = "no fault";

    /// <summary>The tag of a call a circuit breaker rejected without trying it (Polly's <c>BrokenCircuitException</c>);
    /// faults injected into earlier attempts of the same call follow after an arrow.</summary>
    public const string CircuitOpenTag = "circuit open";

    /// <summary>Sends the request and turns the outcome into a load <see cref="Response"/>.</summary>
    /// <param name="client">The client under test (resilience and faults included).</param>
    /// <param name="request">A new request for this iteration.</param>
    /// <param name="context">The iteration's context (its token ends the call).</param>
    /// <param name="isFallback">Recognizes a response a fallback served; such calls are tagged <c>fallback</c>.</param>
    /// <returns>Ok for a 2xx response, Fail otherwise, tagged with the faults behind it.</returns>
    public static async Task<Response> SendAsync(HttpClient client, HttpRequestMessage request, ScenarioContext context,
        Func<HttpResponseMessage, bool>? isFallback = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            InjectedFault.Track(request); // hedged clones share the log, so the call is tagged with their faults too
            AttemptRecorder.Track(request); // ... and the attempt log, so their attempts count as the same call's
            using var response = await client.SendAsync(request, context.CancellationToken).ConfigureAwait(false);
            byte[] body = await response.Content.ReadAsByteArrayAsync(context.CancellationToken).ConfigureAwait(false);
            string tag = Tag(request, isFallback?.Invoke(response) == true);
            int status = (int)response.StatusCode;
            return response.IsSuccessStatusCode
                ? Response.Ok(status, body.Length, tag)
                : Response.Fail(status, response.ReasonPhrase, tag, body.Length);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException
                                   || ex.GetType().Namespace?.StartsWith("Polly", StringComparison.Ordinal) == true)
        {
            // A call the breaker failed fast is the breaker's outcome, not a fault's: tag it so, or the breakdown would
            // file the fast failures of an outage under "no fault".
            string tag = Tag(request, fallback: false);
            if (ex is Polly.CircuitBreaker.BrokenCircuitException)
            {
                tag = tag == NoFaultTag ? CircuitOpenTag : $"{CircuitOpenTag} ← {tag}";
            }

            return Response.Fail(null, ex.GetType().Name, tag);
        }
    }

    /// <summary>Tells whether a tag this step wrote names at least one injected fault (<c>Status</c>,
    /// <c>fallback ← Outage</c>), as opposed to <see cref="NoFaultTag"/>, <see cref="CircuitOpenTag"/> or
    /// <c>fallback ← no fault</c> (a fallback served a call the breaker rejected before any fault could fire).</summary>
    /// <param name="tag">A tag from <see cref="SendAsync"/>.</param>
    /// <returns><see langword="true"/> when a fault was injected into the call.</returns>
    public static bool HasInjectedFault(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        int arrow = tag.LastIndexOf('←');
        string faults = arrow < 0 ? tag : tag[(arrow + 1)..].TrimStart();
        return faults is not (NoFaultTag or CircuitOpenTag);
    }

    /// <summary>The tag for a request: the distinct names of the faults injected into it (a fault's name is its kind
    /// unless it was named), in order, or <see cref="NoFaultTag"/>.</summary>
    /// <param name="request">The request after the call.</param>
    /// <param name="fallback">Whether a fallback served the response.</param>
    /// <returns>The tag.</returns>
    public static string Tag(HttpRequestMessage request, bool fallback)
    {
        var kinds = InjectedFault.For(request).Select(f => f.Name).Distinct(StringComparer.Ordinal).ToList();
        string faults = kinds.Count == 0 ? NoFaultTag : string.Join(" + ", kinds);
        return fallback ? $"fallback ← {faults}" : faults;
    }
}
