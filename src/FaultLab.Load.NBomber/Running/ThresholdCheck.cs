namespace FaultLab.Load.NBomber.Running;

using FaultLab.Load.NBomber.Contracts;
using FaultLab.Load.NBomber.Contracts.Stats;
using Engine = FaultLab.Load;

/// <summary>
/// One NBomber threshold of one scenario: its run-time checks (for thresholds that abort, as a FaultLab.Load
/// abort-on-fail rule evaluated by the sampler, throttled to the reporting interval) and its final verdict.
/// </summary>
internal sealed class ThresholdCheck(Threshold threshold, string scenarioName, IReadOnlyList<LoadSimulation> simulations, TimeSpan interval)
{
    private readonly object _gate = new();
    private int _runtimeErrors;
    private double _nextCheckAt;
    private string _exception = "";

    public Threshold Threshold => threshold;

    /// <summary>The abort rule handed to the engine, or null when the threshold never aborts.</summary>
    public Engine.Threshold? AbortRule(int index) => threshold.AbortWhenErrorCount is not { } limit ? null
        : Engine.Threshold.Custom($"NBomber threshold {index + 1}: {threshold.CheckExpression} (aborts after {limit} failed checks)", stats =>
        {
            lock (_gate)
            {
                var elapsed = stats.DurationSeconds;
                if (elapsed < (threshold.StartCheckAfter ?? TimeSpan.Zero).TotalSeconds || elapsed < _nextCheckAt)
                    return _runtimeErrors < limit;
                _nextCheckAt = elapsed + interval.TotalSeconds;
                if (!Check(stats))
                    _runtimeErrors++;
                return _runtimeErrors < limit;
            }
        }, abortOnFail: true);

    /// <summary>The final verdict on the final statistics.</summary>
    public ThresholdResult Final(Engine.ScenarioStats stats, bool abortedByThis)
    {
        lock (_gate)
        {
            var passed = Check(stats);
            var errors = _runtimeErrors + (passed ? 0 : 1);
            return new ThresholdResult(scenarioName, threshold.StepName, threshold.CheckExpression, _exception, errors, !passed || abortedByThis);
        }
    }

    private bool Check(Engine.ScenarioStats engineStats)
    {
        try
        {
            var stats = StatsMapper.Map(engineStats, simulations, 0);
            if (threshold.CheckScenario is { } checkScenario)
                return checkScenario(stats);
            var step = stats.StepStats.Find(threshold.StepName)
                ?? throw new KeyNotFoundException($"Step '{threshold.StepName}' is not found.");
            return threshold.CheckStep!(step);
        }
        catch (Exception ex)
        {
            _exception = ex.Message; // NBomber reports a throwing check as failed with its message
            return false;
        }
    }
}
