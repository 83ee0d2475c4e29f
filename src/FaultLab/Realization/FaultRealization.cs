using Polly;

namespace FaultLab.Realization;

/// <summary>
/// What one fault does to an attempt once it was selected: the one place a kind's outcome is made. Every host calls it
/// (profiles through Polly, per-attempt scripts, the proxy, a matrix), so a scripted hang and a profile hang cannot
/// drift apart. One instance per compiled profile, so a stateful kind (rate-limit buckets, token ages) keeps its
/// state here and a rebuilt profile starts over.
/// </summary>
internal abstract class FaultRealization
{
    /// <summary>Which realization the next attempt gets: this one, or for a script, the attempt's step.</summary>
    /// <returns>The realization to run the attempt's <see cref="BeforeSendAsync"/> and <see cref="OnResponse"/> on.</returns>
    public virtual FaultRealization ForAttempt() => this;

    /// <summary>Realizes the fault before the attempt is sent.</summary>
    /// <param name="attempt">The attempt's request and token.</param>
    /// <returns>The outcome to answer with (a response or an exception), or <see langword="null"/> to send the attempt on
    /// (a delay that has elapsed, a limiter with permits left, a body fault that waits for the response).</returns>
    public virtual ValueTask<Outcome<HttpResponseMessage>?> BeforeSendAsync(FaultAttempt attempt) => default;

    /// <summary>Realizes the fault on the dependency's response (body faults); the default leaves it as it is.</summary>
    /// <param name="response">The response the attempt got.</param>
    /// <param name="attempt">The attempt's request and token.</param>
    public virtual void OnResponse(HttpResponseMessage response, FaultAttempt attempt)
    {
    }
}

/// <summary>One attempt a selected fault realizes.</summary>
/// <param name="Request">The attempt's request, when the host knows it.</param>
/// <param name="CancellationToken">The attempt's token: a delay or hang ends when it is cancelled.</param>
internal readonly record struct FaultAttempt(HttpRequestMessage? Request, CancellationToken CancellationToken);
