namespace FaultLab.Load.NBomber.Contracts;

using FaultLab.Load.NBomber.Contracts.Stats;

/// <summary>What a scenario iteration sees, as NBomber's <c>IScenarioContext</c>.</summary>
public interface IScenarioContext
{
    /// <summary>Gets the test's suite, name and session.</summary>
    TestInfo TestInfo { get; }

    /// <summary>Gets the scenario and copy this iteration runs in.</summary>
    ScenarioInfo ScenarioInfo { get; }

    /// <summary>Gets the node (always a single node here).</summary>
    NodeInfo NodeInfo { get; }

    /// <summary>Gets the logger.</summary>
    ScenarioLogger Logger { get; }

    /// <summary>Gets the 1-based invocation number, counted across the scenario (NBomber counts per copy).</summary>
    long InvocationNumber { get; }

    /// <summary>Gets a dictionary for this iteration only, e.g. to pass data between steps.</summary>
    Dictionary<string, object> Data { get; }

    /// <summary>Gets a dictionary kept for the copy (<see cref="ScenarioInfo.InstanceNumber"/>) across its iterations.</summary>
    Dictionary<string, object> ScenarioInstanceData { get; }

    /// <summary>Gets a token cancelled when the scenario stops (abort, cancelled run, drain timeout).</summary>
    CancellationToken ScenarioCancellationToken { get; }

    /// <summary>Gets a random generator for the scenario's own choices.</summary>
    Random Random { get; }

    /// <summary>Stops one scenario; not supported here (only <see cref="StopCurrentTest"/>).</summary>
    /// <param name="scenarioName">The scenario.</param>
    /// <param name="reason">Why.</param>
    void StopScenario(string scenarioName, string reason);

    /// <summary>Stops the whole test: every scenario ends as cancelled, with the reason logged.</summary>
    /// <param name="reason">Why.</param>
    void StopCurrentTest(string reason);
}

/// <summary>What a scenario's init and clean callbacks see, as NBomber's <c>IScenarioInitContext</c>.</summary>
public interface IScenarioInitContext
{
    /// <summary>Gets the test's suite, name and session.</summary>
    TestInfo TestInfo { get; }

    /// <summary>Gets the scenario.</summary>
    ScenarioInfo ScenarioInfo { get; }

    /// <summary>Gets the node (always a single node here).</summary>
    NodeInfo NodeInfo { get; }

    /// <summary>Gets the scenario's <c>CustomSettings</c> from the JSON config (empty without one).</summary>
    Microsoft.Extensions.Configuration.IConfiguration CustomSettings { get; }

    /// <summary>Gets the config's <c>GlobalCustomSettings</c> (empty without one).</summary>
    Microsoft.Extensions.Configuration.IConfiguration GlobalCustomSettings { get; }

    /// <summary>Gets the partition (always 1 of 1).</summary>
    ScenarioPartition ScenarioPartition { get; }

    /// <summary>Gets the logger.</summary>
    ScenarioLogger Logger { get; }
}
