using System.Collections.Concurrent;

namespace FaultLab.Load.NBomber.Running;

using FaultLab.Load.NBomber.Contracts;
using FaultLab.Load.NBomber.Contracts.Stats;
using Engine = FaultLab.Load;

/// <summary>What a scenario shares across its iterations: identity, per-copy data, the way to stop the test.</summary>
internal sealed class CompatScenarioShared
{
    public required TestInfo TestInfo { get; init; }
    public required NodeInfo NodeInfo { get; init; }
    public required ScenarioLogger Logger { get; init; }
    public required TimeSpan PlannedDuration { get; init; }
    public required CancellationTokenSource StopTest { get; init; }
    public ConcurrentDictionary<int, Dictionary<string, object>> InstanceData { get; } = new();
}

/// <summary>NBomber's <see cref="IScenarioContext"/> over FaultLab.Load's <see cref="Engine.ScenarioContext"/>.</summary>
internal sealed class CompatScenarioContext(Engine.ScenarioContext engine, CompatScenarioShared shared) : IScenarioContext
{
    public Engine.ScenarioContext Engine { get; } = engine;

    public TestInfo TestInfo => shared.TestInfo;

    public ScenarioInfo ScenarioInfo { get; } = new()
    {
        InstanceId = $"{engine.ScenarioName}_{engine.CopyNumber}",
        InstanceNumber = engine.CopyNumber,
        ScenarioName = engine.ScenarioName,
        ScenarioDuration = shared.PlannedDuration,
        ScenarioOperation = engine.IsWarmUp ? ScenarioOperation.WarmUp : ScenarioOperation.Bombing,
    };

    public NodeInfo NodeInfo => shared.NodeInfo;
    public ScenarioLogger Logger => shared.Logger;
    public long InvocationNumber => Engine.Iteration + 1;
    public Dictionary<string, object> Data { get; } = [];

    // A copy runs one iteration at a time, so its dictionary is never used by two threads at once.
    public Dictionary<string, object> ScenarioInstanceData => shared.InstanceData.GetOrAdd(Engine.CopyNumber, static _ => []);

    public CancellationToken ScenarioCancellationToken => Engine.CancellationToken;
    public Random Random => Random.Shared;

    public void StopScenario(string scenarioName, string reason) =>
        throw new NotSupportedException("StopScenario is not supported by FaultLab.Load.NBomber; use StopCurrentTest, a threshold with abortWhenErrorCount, or WithMaxFailCount.");

    public void StopCurrentTest(string reason)
    {
        Logger.Warning("Test stopped by scenario {Scenario}: {Reason}", Engine.ScenarioName, reason);
        shared.StopTest.Cancel();
    }
}

/// <summary>NBomber's <see cref="IScenarioInitContext"/> for init and clean callbacks.</summary>
internal sealed class CompatInitContext(CompatScenarioShared shared, string scenarioName, ScenarioOperation operation,
    Microsoft.Extensions.Configuration.IConfiguration customSettings, Microsoft.Extensions.Configuration.IConfiguration globalCustomSettings)
    : IScenarioInitContext
{
    public TestInfo TestInfo => shared.TestInfo;

    public ScenarioInfo ScenarioInfo { get; } = new()
    {
        InstanceId = scenarioName + "_0",
        ScenarioName = scenarioName,
        ScenarioDuration = shared.PlannedDuration,
        ScenarioOperation = operation,
    };

    public NodeInfo NodeInfo => shared.NodeInfo;
    public Microsoft.Extensions.Configuration.IConfiguration CustomSettings => customSettings;
    public Microsoft.Extensions.Configuration.IConfiguration GlobalCustomSettings => globalCustomSettings;
    public ScenarioPartition ScenarioPartition => ScenarioPartition.Empty;
    public ScenarioLogger Logger => shared.Logger;
}
