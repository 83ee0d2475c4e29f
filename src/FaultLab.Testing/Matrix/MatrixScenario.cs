using Microsoft.Extensions.Time.Testing;

namespace FaultLab.Testing;

/// <summary>What one call did: its response (body read to the end) or exception, and when it started and ended.</summary>
internal sealed record MatrixCallResult(HttpResponseMessage? Response, string Body, Exception? Exception, bool Ended,
    DateTimeOffset Started, DateTimeOffset? EndedAt, TimeSpan Elapsed);

/// <summary>
/// One scenario: a fresh clock, a fresh client, and below it the dependency as the matrix builds it — the exchange
/// recorder, then FaultLab's fault handler (the core realization, exactly as a profile injects it), then the healthy
/// dependency.
/// </summary>
internal sealed class MatrixScenario : IAsyncDisposable
{
    private readonly TimeSpan _limit;
    private readonly CancellationTokenSource _abandon = new();
    private readonly List<Task> _pending = [];
    private long _callsEnded;

    private MatrixScenario(MatrixClient client, ExchangeRecorder recorder, TimeProvider clock, TimeSpan limit)
    {
        Client = client;
        Recorder = recorder;
        Clock = clock;
        _limit = limit;
    }

    public MatrixClient Client { get; }

    public ExchangeRecorder Recorder { get; }

    public TimeProvider Clock { get; }

    public static MatrixScenario Create(MatrixClientFactory factory, HttpMessageHandler dependency, Action<FaultInjectionBuilder> faults,
        TimeProvider clock, TimeSpan limit)
    {
        var faulted = FaultInjection.CreateHandler(faults, dependency, clock, clientName: "faultlab-matrix");
        var recorder = new ExchangeRecorder(clock, faulted);
        return new MatrixScenario(factory(recorder, clock), recorder, clock, limit);
    }

    /// <summary>Forgets what priming calls left in the records.</summary>
    public void Forget()
    {
        Recorder.Clear();
        Client.Events?.Clear();
    }

    /// <summary>Makes one call and waits for it (driving the test clock), at most the matrix's limit.</summary>
    public async Task<MatrixCallResult> RunAsync(Func<CancellationToken, Task<HttpResponseMessage?>> call, CancellationToken cancellationToken)
    {
        DateTimeOffset started = Clock.GetUtcNow();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _abandon.Token);
        var task = CallAndRead(call, linked.Token);
        bool ended = await DriveAsync(task, cancellationToken).ConfigureAwait(false);
        DateTimeOffset now = Clock.GetUtcNow();
        if (!ended)
        {
            await linked.CancelAsync().ConfigureAwait(false);
            _pending.Add(task);
            return new MatrixCallResult(null, string.Empty, null, false, started, null, now - started);
        }

        var (response, body, exception) = await task.ConfigureAwait(false);
        return new MatrixCallResult(response, body, exception, true, started, now, now - started);
    }

    /// <summary>Starts one call every <paramref name="interval"/>, <paramref name="count"/> times, and waits for all of them.</summary>
    public async Task<bool> RunStreamAsync(Func<CancellationToken, Task<HttpResponseMessage?>> call, TimeSpan interval, int count, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _abandon.Token);
        var stream = Stream(call, interval, count, linked.Token);
        bool ended = await DriveAsync(stream, cancellationToken, () => Interlocked.Read(ref _callsEnded)).ConfigureAwait(false);
        if (!ended)
        {
            await linked.CancelAsync().ConfigureAwait(false);
            _pending.Add(stream);
        }

        return ended;
    }

    public async ValueTask DisposeAsync()
    {
        await _abandon.CancelAsync().ConfigureAwait(false);
        foreach (var task in _pending)
        {
            // Abandoned calls end at cancellation; wait briefly so nothing outlives the scenario's client.
            await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(5), CancellationToken.None)).ConfigureAwait(false);
        }

        Client.Dispose();
        _abandon.Dispose();
    }

    private async Task Stream(Func<CancellationToken, Task<HttpResponseMessage?>> call, TimeSpan interval, int count, CancellationToken cancellationToken)
    {
        var calls = new List<Task>(count);
        for (int i = 0; i < count; i++)
        {
            calls.Add(CallAndRead(call, cancellationToken).ContinueWith(_ => Interlocked.Increment(ref _callsEnded), CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default));
            if (i < count - 1)
            {
                await Task.Delay(interval, Clock, cancellationToken).ConfigureAwait(false);
            }
        }

        await Task.WhenAll(calls).ConfigureAwait(false);
    }

    /// <summary>Drives the clock (test clock) or waits (real time) until the task ends; false when it did not within the limit.</summary>
    private async Task<bool> DriveAsync(Task task, CancellationToken cancellationToken, Func<long>? reacted = null)
    {
        if (Clock is FakeTimeProvider fake)
        {
            try
            {
                await fake.RunUntilComplete(task, null, _limit, reacted).ConfigureAwait(false);
                return true;
            }
            catch (Exception ex) when (ex is TimeoutException or InvalidOperationException && !task.IsCompleted)
            {
                // Still pending after the limit, or waiting on nothing the clock can end: it would never end.
                return false;
            }
        }

        try
        {
            await task.WaitAsync(_limit, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException) when (!task.IsCompleted)
        {
            return false;
        }
    }

    /// <summary>Makes the call and reads the body to the end, so body faults count; never throws.</summary>
    private static async Task<(HttpResponseMessage? Response, string Body, Exception? Exception)> CallAndRead(
        Func<CancellationToken, Task<HttpResponseMessage?>> call, CancellationToken cancellationToken)
    {
        try
        {
            var response = await call(cancellationToken).ConfigureAwait(false);
            string body = response is null ? string.Empty : await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return (response, body, null);
        }
        catch (Exception ex)
        {
            return (null, string.Empty, ex);
        }
    }
}
