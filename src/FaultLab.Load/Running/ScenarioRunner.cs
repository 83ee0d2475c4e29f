using Microsoft.Extensions.Logging;

namespace FaultLab.Load;

/// <summary>Runs one scenario end to end: init, warm-up, measured phases with a per-second sampler, drain, clean, verdicts.</summary>
internal sealed class ScenarioRunner
{
    private readonly Scenario _scenario;
    private readonly LoadTestOptions _options;
    private readonly ILogger _logger;
    private readonly LoadAgent? _agent;
    private readonly AgentShare _share;
    private volatile StatsRecorder? _liveRecorder;
    private volatile string _phase = "pending";
    private long _measuredStart;
    private string? _abortReason;

    public ScenarioRunner(Scenario scenario, LoadTestOptions options, LoadAgent? agent)
    {
        _scenario = scenario;
        _options = options;
        _agent = agent;
        _share = agent is null ? AgentShare.Whole : new AgentShare(agent.Index, agent.Count);
        _logger = options.LoggerFactory.CreateLogger("FaultLab.Load.Scenario");
        PlannedDuration = PhasePlan.PlannedDuration(scenario.LoadSimulations);
    }

    public string Name => _scenario.Name;
    public TimeSpan? PlannedDuration { get; }
    public string Phase => _phase;
    public long Ok => _liveRecorder?.Ok ?? 0;
    public long Fail => _liveRecorder?.Fail ?? 0;
    public long Dropped => _liveRecorder?.Dropped ?? 0;
    /// <summary>Gets how late the measured run started after the agent's start instant (zero when on time or not an agent).</summary>
    public TimeSpan LateStart { get; private set; }

    public TimeSpan Elapsed => _liveRecorder is null ? TimeSpan.Zero : _options.TimeProvider.GetElapsedTime(Interlocked.Read(ref _measuredStart));

    public async Task<ScenarioResult> RunAsync(CancellationToken runToken)
    {
        var time = _options.TimeProvider;
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(runToken);
        var lifecycle = new ScenarioInitContext(Name, runToken, _logger);
        _phase = "init";
        if (_scenario.Init is { } init)
        {
            await init(lifecycle).ConfigureAwait(false);
        }

        try
        {
            await WarmUpAsync(abort.Token).ConfigureAwait(false);

            _phase = "running";
            var recorder = new StatsRecorder(enabled: true);
            var aggregator = new IntervalAggregator(recorder);
            using var stragglers = CancellationTokenSource.CreateLinkedTokenSource(abort.Token);
            var (origin, measuredStartedAt) = await MeasuredOriginAsync(abort.Token).ConfigureAwait(false);
            var run = new ScenarioRun(_scenario, recorder, time, _logger, stragglers.Token, _share, origin, new ScenarioInstruments(Name, _share))
            {
                MaxFailCountReached = max =>
                {
                    if (TryAbort($"MaxFailCount reached: {max} iterations failed"))
                    {
                        abort.Cancel();
                    }
                },
            };
            Interlocked.Exchange(ref _measuredStart, run.StartTimestamp);
            _liveRecorder = recorder;
            using var stopSampler = new CancellationTokenSource();
            var sampler = SampleAsync(run, aggregator, abort, stopSampler.Token);

            await PhasePlan.RunAsync(run, _scenario.LoadSimulations).ConfigureAwait(false);
            var measuredSeconds = run.Elapsed(time.GetTimestamp()).TotalSeconds;
            await stopSampler.CancelAsync().ConfigureAwait(false);
            await sampler.ConfigureAwait(false);

            _phase = "draining";
            await run.DrainAsync(_options.DrainTimeout, stragglers).ConfigureAwait(false);
            aggregator.CloseInterval(Math.Max(run.Elapsed(time.GetTimestamp()).TotalSeconds, measuredSeconds));

            if (_abortReason is null && runToken.IsCancellationRequested)
            {
                _abortReason = "the run was cancelled";
            }

            var stats = StatsBuilder.Build(Name, measuredSeconds, recorder, aggregator);
            var verdicts = _scenario.Thresholds.Select(t => t.Evaluate(stats)).ToList();
            return new ScenarioResult(stats, aggregator.Timeline, verdicts, aggregator.DecodeIntervals(Name),
                _scenario.LoadSimulations, _abortReason, measuredStartedAt);
        }
        finally
        {
            _phase = "clean";
            if (_scenario.Clean is { } clean)
            {
                await clean(lifecycle).ConfigureAwait(false);
            }

            _phase = "done";
        }
    }

    /// <summary>
    /// Where the measured run's clock starts. An agent with a start instant waits for it, so every agent's schedule
    /// and timeline count from the same absolute moment; one that is ready too late still counts from that moment —
    /// its overdue arrivals fire at once and are timed from when they were due — and reports how late it was.
    /// </summary>
    private async Task<(long? Origin, DateTimeOffset StartedAt)> MeasuredOriginAsync(CancellationToken token)
    {
        var time = _options.TimeProvider;
        if (_agent?.StartAt is not { } startAt)
        {
            return (null, time.GetUtcNow());
        }

        var untilStart = startAt - time.GetUtcNow();
        var origin = Pacer.Add(time, time.GetTimestamp(), untilStart.TotalSeconds);
        if (untilStart <= TimeSpan.Zero)
        {
            LateStart = -untilStart;
            _logger.LogWarning("Scenario {Scenario}: {Agent} was ready {Late} after the start instant; overdue arrivals fire at once.", Name, _agent, LateStart);
            return (origin, startAt);
        }

        try
        {
            await Pacer.WaitUntilAsync(time, origin, token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Cancelled while waiting: the measured run starts and stops at once and reports the cancellation.
        }

        return (origin, startAt);
    }

    private async Task WarmUpAsync(CancellationToken token)
    {
        if (PhasePlan.WarmUpOf(_scenario.LoadSimulations[0], _scenario.WarmUpDuration) is not { } warmUp)
        {
            return;
        }

        _phase = "warm-up";
        using var stragglers = CancellationTokenSource.CreateLinkedTokenSource(token);
        var run = new ScenarioRun(_scenario, new StatsRecorder(enabled: false), _options.TimeProvider, _logger, stragglers.Token, _share);
        await PhasePlan.RunAsync(run, [warmUp]).ConfigureAwait(false);
        // Drained before measuring, so warm-up iterations neither count nor add load to the measured run.
        await run.DrainAsync(_options.DrainTimeout, stragglers).ConfigureAwait(false);
    }

    /// <summary>Closes one timeline interval per second; evaluates abort-on-fail thresholds on the running totals.</summary>
    private async Task SampleAsync(ScenarioRun run, IntervalAggregator aggregator, CancellationTokenSource abort, CancellationToken stop)
    {
        var abortRules = _scenario.Thresholds.Where(t => t.AbortOnFail).ToList();
        for (long second = 1; ; second++)
        {
            // The last planned second is closed after the drain, so the final interval is never a sliver.
            if (PlannedDuration is { } planned && second > planned.TotalSeconds - 0.25)
            {
                return;
            }

            try
            {
                await Pacer.WaitUntilAsync(run.Time, Pacer.Add(run.Time, run.StartTimestamp, second), stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            // The actual wake-up time, not the nominal boundary: a late timer must not credit its lateness to
            // the wrong second, so every point states exactly the span it covers.
            var elapsed = run.Elapsed(run.Time.GetTimestamp()).TotalSeconds;
            aggregator.CloseInterval(elapsed);
            // A late wake-up (a stalled thread, an agent that started late, a fake clock moved on in one jump) has just
            // closed every second it missed in that one point, so the next point ends at the next whole second still
            // ahead. Stepping through the missed seconds instead would add a zero-length point for each, and a
            // sampler that keeps falling behind (a fake clock advanced in a tight loop) would never wait again: its
            // scenario would never start its phases, nor end.
            second = Math.Max(second, (long)Math.Floor(elapsed));
            if (abortRules.Count == 0)
            {
                continue;
            }

            var snapshot = StatsBuilder.Build(Name, elapsed, run.Recorder, aggregator);
            if (abortRules.Select(r => r.Evaluate(snapshot)).FirstOrDefault(r => !r.Passed && !r.NoData) is { } failed)
            {
                if (TryAbort($"threshold '{failed.Rule}' failed after {second} s (actual {failed.Actual}, expected {failed.Expected})"))
                {
                    await abort.CancelAsync().ConfigureAwait(false);
                }

                return;
            }
        }
    }

    /// <summary>Records the first abort reason only (threshold sampler and fail-count check may race); true when it was the first.</summary>
    private bool TryAbort(string reason)
    {
        if (Interlocked.CompareExchange(ref _abortReason, reason, null) is not null)
        {
            return false;
        }

        _logger.LogWarning("Scenario {Scenario} aborted: {Reason}", Name, reason);
        return true;
    }
}
