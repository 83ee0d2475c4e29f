namespace FaultLab.Load.NBomber.Contracts.Stats;

/// <summary>The test's identity, as NBomber's <c>TestInfo</c>.</summary>
public sealed record TestInfo
{
    /// <summary>Gets the session id, unique per run.</summary>
    public string SessionId { get; init; } = "";
    /// <summary>Gets the test suite. Defaults to NBomber's "nbomber_default_test_suite_name".</summary>
    public string TestSuite { get; init; } = "";
    /// <summary>Gets the test name. Defaults to NBomber's "nbomber_default_test_name".</summary>
    public string TestName { get; init; } = "";
    /// <summary>Gets the cluster id; always empty (no cluster mode).</summary>
    public string ClusterId { get; init; } = "";
    /// <summary>Gets when the run was created (UTC).</summary>
    public DateTime Created { get; init; }
}

/// <summary>The machine running the test, as NBomber's <c>NodeInfo</c>.</summary>
public sealed record NodeInfo
{
    /// <summary>Gets the machine name.</summary>
    public string MachineName { get; init; } = "";
    /// <summary>Gets the node's role; always a single node.</summary>
    public NodeType NodeType { get; init; } = NodeType.SingleNode;
    /// <summary>Gets the current operation.</summary>
    public OperationType CurrentOperation { get; init; }
    /// <summary>Gets the operating system.</summary>
    public string OS { get; init; } = "";
    /// <summary>Gets the .NET version.</summary>
    public string DotNetVersion { get; init; } = "";
    /// <summary>Gets the processor architecture.</summary>
    public string Processor { get; init; } = "";
    /// <summary>Gets the logical core count.</summary>
    public int CoresCount { get; init; }
    /// <summary>Gets the engine's version (FaultLab.Load.NBomber's assembly version).</summary>
    public string NBomberVersion { get; init; } = "";
}
