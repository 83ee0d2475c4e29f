using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace FaultLab.Load;

/// <summary>
/// Shared state of one pass over a scenario's phases (the warm-up or the measured run): the clock origin,
/// the recorder, the open-model slots and the tasks to drain at the end.
/// </summary>
internal sealed class ScenarioRun
{
    private long _iterations;
    private bool _drainTimedOut;

    public ScenarioRun(Scenario scenario, StatsRecorder recorder, TimeProvider time, ILogger logger, CancellationToken token,
        AgentShare share, long? startTimestamp = null, ScenarioInstruments? instruments = null)
    {
        Share = share;
        Instruments = instruments;
        Scenario = scenario;
        Recorder = recorder;
        Time = time;
        Logger = logger;
        Token = token;
        Slots = new SlotPool(scenario.MaxConcurrency);
        StartTimestamp = startTimestamp ?? time.GetTimestamp();
    }

    public Scenario Scenario { get; }
    public StatsRecorder Recorder { get; }
    public TimeProvider Time { get; }
    public ILogger Logger { get; }
    public CancellationToken Token { get; }
    public SlotPool Slots { get; }
    public long StartTimestamp { get; }

    /// <summary>Gets which part of the global schedule this process runs (<see cref="AgentShare.Whole"/> for one process).</summary>
    public AgentShare Share { get; }

    /// <summary>Gets the live instruments of the measured run; null during warm-up, which publishes nothing.</summary>
    public ScenarioInstruments? Instruments { get; }
    public ConcurrentBag<Task> ClosedCopies { get; } = [];
    public bool IsWarmUp => !Recorder.Enabled;

    /// <summary>Gets or sets the callback invoked (possibly more than once) when the measured fail count reaches <see cref="Scenario.MaxFailCount"/>.</summary>
    public Action<long>? MaxFailCountReached { get; init; }

    public TimeSpan Elapsed(long timestamp) => Time.GetElapsedTime(StartTimestamp, timestamp);

    /// <summary>
    /// Runs the step once and records it. Latency runs from <paramref name="intendedTimestamp"/>: in the open
    /// model that is the scheduled arrival, so time spent waiting on a busy generator or server counts.
    /// </summary>
    public async Task RunIterationAsync(long intendedTimestamp, int copyNumber, bool closedModel)
    {
        var context = new ScenarioContext(Scenario.Name, Interlocked.Increment(ref _iterations) - 1, copyNumber,
            Elapsed(intendedTimestamp), IsWarmUp, Token, Logger) { Run = this };
        Response response;
        Instruments?.Started();
        try
        {
            response = await Scenario.Step(context).ConfigureAwait(false) ?? Response.Fail(message: "step returned null");
        }
        catch (StepFailedException failed)
        {
            response = failed.Response; // the iteration restarts: it is recorded with the failed step's outcome
        }
        catch (OperationCanceledException) when (Token.IsCancellationRequested && Volatile.Read(ref _drainTimedOut))
        {
            // Still running when the drain timeout expired: the slowest iterations of the run. Left out, they would
            // flatter the percentiles and the success rate; they count as failures with the latency they reached.
            response = Response.Fail(message: "cancelled: still running when the drain timeout expired");
        }
        catch (OperationCanceledException) when (Token.IsCancellationRequested)
        {
            Instruments?.Finished();
            return; // cut short by an abort or a cancelled run, which the result reports as such
        }
        catch (Exception ex)
        {
            response = Response.Fail(message: $"{ex.GetType().Name}: {ex.Message}");
        }
        var latency = Time.GetElapsedTime(intendedTimestamp, Time.GetTimestamp());
        Recorder.Record(response, latency, closedModel);
        if (Instruments is { } instruments)
        {
            instruments.Finished();
            instruments.Completed(response, latency);
        }
        if (!response.IsSuccess && Scenario.MaxFailCount is { } max && !IsWarmUp && Recorder.Fail >= max)
        {
            MaxFailCountReached?.Invoke(max);
        }
    }

    /// <summary>Waits for in-flight iterations, then cancels stragglers after <paramref name="timeout"/>.</summary>
    public async Task DrainAsync(TimeSpan timeout, CancellationTokenSource cancelStragglers)
    {
        var drainStart = Time.GetTimestamp();
        var copies = Task.WhenAll(ClosedCopies);
        while (Slots.InFlight > 0 || !copies.IsCompleted)
        {
            if (Time.GetElapsedTime(drainStart) > timeout && !cancelStragglers.IsCancellationRequested)
            {
                Logger.LogWarning("Scenario {Scenario}: iterations still running {Timeout} after the last phase; cancelling them.", Scenario.Name, timeout);
                Volatile.Write(ref _drainTimedOut, true); // set before cancelling, so every cut iteration sees it
                await cancelStragglers.CancelAsync().ConfigureAwait(false);
            }
            if (Time.GetElapsedTime(drainStart) > timeout + timeout)
            {
                return; // a step that ignores cancellation must not hang the run
            }

            await Task.Delay(TimeSpan.FromMilliseconds(5), Time, CancellationToken.None).ConfigureAwait(false);
        }
    }
}
