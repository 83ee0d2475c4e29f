using System.Collections.Concurrent;

namespace FaultLab.Load.Resilience;

/// <summary>
/// Records every attempt a client makes, where its dependency sees them: registered with
/// <c>RecordAttempts(recorder)</c> it sits below every resilience handler, directly above FaultLab's fault handler, so
/// it counts each first try, retry and hedge, whether FaultLab then forwarded it or answered it with an injected
/// fault. Per logical call it checks <see cref="RetryAfterRule"/>: an attempt earlier than the instant the call's
/// previous 429/503 advertised in <c>Retry-After</c> is a violation, kept as evidence.
/// </summary>
public sealed class AttemptRecorder
{
    /// <summary>How many violations are kept as evidence; the count goes on past it.</summary>
    public const int EvidenceLimit = 20;

    private static readonly HttpRequestOptionsKey<CallAttempts> CallKey = new("FaultLab.Load.Resilience.Attempts");

    private readonly TimeProvider _clock;
    private readonly ConcurrentQueue<RetryAfterViolation> _evidence = new();
    private long _attempts, _calls, _advertised, _followed, _violations;

    /// <summary>How early an attempt may come on real time and still count as on time, by default: the standard
    /// resilience handler, waiting exactly its 1 s Retry-After, was stamped up to 3 ms early here (its timer runs on
    /// a millisecond tick, the stamps on the wall clock), so a safe margin well below any real violation (a client
    /// that ignores a 1 s Retry-After retries about a second early).</summary>
    public static readonly TimeSpan RealTimeTolerance = TimeSpan.FromMilliseconds(20);

    /// <summary>Creates a recorder.</summary>
    /// <param name="timeProvider">The clock attempts are stamped with; the system clock when omitted.</param>
    /// <param name="tolerance">See <see cref="Tolerance"/>.</param>
    public AttemptRecorder(TimeProvider? timeProvider = null, TimeSpan? tolerance = null)
    {
        _clock = timeProvider ?? TimeProvider.System;
        Tolerance = tolerance ?? (ReferenceEquals(_clock, TimeProvider.System) ? RealTimeTolerance : TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(Tolerance, TimeSpan.Zero, nameof(tolerance));
    }

    /// <summary>Gets how much earlier than the advertised instant an attempt must come to count as a violation.
    /// Defaults to <see cref="RealTimeTolerance"/> on the system clock and zero on any other (a fake clock is exact).</summary>
    public TimeSpan Tolerance { get; }

    /// <summary>Gets the attempts made (first tries, retries and hedges).</summary>
    public long Attempts => Interlocked.Read(ref _attempts);

    /// <summary>Gets the logical calls that made at least one attempt.</summary>
    public long Calls => Interlocked.Read(ref _calls);

    /// <summary>Gets the 429/503 responses that carried <c>Retry-After</c>.</summary>
    public long RetryAfterResponses => Interlocked.Read(ref _advertised);

    /// <summary>Gets the attempts that followed such a response in the same call (the ones the rule judges).</summary>
    public long AttemptsAfterRetryAfter => Interlocked.Read(ref _followed);

    /// <summary>Gets the attempts that came earlier than the advertised instant.</summary>
    public long RetryAfterViolations => Interlocked.Read(ref _violations);

    /// <summary>Gets the first <see cref="EvidenceLimit"/> violations.</summary>
    public IReadOnlyList<RetryAfterViolation> Evidence => [.. _evidence];

    /// <summary>
    /// Gives <paramref name="request"/> its call's attempt log before it is sent, so that the copies a hedging
    /// handler sends (they carry the same options) count as attempts of the same call.
    /// </summary>
    /// <param name="request">The request about to be sent.</param>
    public static void Track(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        _ = CallOf(request);
    }

    /// <summary>Takes a copy of the counts, to subtract what happened before a measured run.</summary>
    /// <returns>The counts so far.</returns>
    internal (long Attempts, long Calls, long Advertised, long Followed, long Violations) Counts() =>
        (Attempts, Calls, RetryAfterResponses, AttemptsAfterRetryAfter, RetryAfterViolations);

    /// <summary>Creates the handler that records into this recorder.</summary>
    internal DelegatingHandler CreateHandler() => new RecordingHandler(this);

    private static CallAttempts CallOf(HttpRequestMessage request)
    {
        if (!request.Options.TryGetValue(CallKey, out var call))
        {
            call = new CallAttempts();
            request.Options.Set(CallKey, call);
        }

        return call;
    }

    private void OnAttempt(HttpRequestMessage request, CallAttempts call, DateTimeOffset at)
    {
        Interlocked.Increment(ref _attempts);
        var (number, pending) = call.Start();
        if (number == 1)
        {
            Interlocked.Increment(ref _calls);
        }

        if (pending is not { } advertised)
        {
            return;
        }

        Interlocked.Increment(ref _followed);
        if (RetryAfterRule.IsViolation(at, advertised.Wait, Tolerance))
        {
            if (Interlocked.Increment(ref _violations) <= EvidenceLimit)
            {
                _evidence.Enqueue(new RetryAfterViolation(request.Method.Method, request.RequestUri?.ToString() ?? "?", number,
                    advertised.StatusCode, advertised.Wait.Value, advertised.AnsweredAt, advertised.Wait.NotBefore, at));
            }
        }
    }

    private void OnResponse(CallAttempts call, HttpResponseMessage response, DateTimeOffset at)
    {
        if (RetryAfterRule.Read(response, at) is { } wait)
        {
            Interlocked.Increment(ref _advertised);
            call.Advertise(new Advertisement(wait, (int)response.StatusCode, at));
        }
    }

    /// <summary>What a 429/503 asked of the call's next attempt.</summary>
    private readonly record struct Advertisement(RetryAfterWait Wait, int StatusCode, DateTimeOffset AnsweredAt);

    /// <summary>One logical call's attempts; hedged attempts of one call update it concurrently.</summary>
    private sealed class CallAttempts
    {
        private readonly Lock _lock = new();
        private int _count;
        private Advertisement? _pending;

        /// <summary>Counts an attempt and hands over (and clears) what the previous response advertised.</summary>
        public (int Number, Advertisement? Pending) Start()
        {
            lock (_lock)
            {
                var pending = _pending;
                _pending = null;
                return (++_count, pending);
            }
        }

        public void Advertise(Advertisement advertisement)
        {
            lock (_lock)
            {
                _pending = advertisement;
            }
        }
    }

    private sealed class RecordingHandler(AttemptRecorder recorder) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var call = CallOf(request);
            recorder.OnAttempt(request, call, recorder._clock.GetUtcNow());
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            recorder.OnResponse(call, response, recorder._clock.GetUtcNow());
            return response;
        }
    }
}
