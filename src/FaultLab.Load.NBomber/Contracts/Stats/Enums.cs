namespace FaultLab.Load.NBomber.Contracts.Stats;

/// <summary>Report file formats, as NBomber's.</summary>
public enum ReportFormat
{
    /// <summary>Plain text tables.</summary>
    Txt = 0,
    /// <summary>A self-contained HTML page with charts.</summary>
    Html = 1,
    /// <summary>One CSV row per scenario and per step.</summary>
    Csv = 2,
    /// <summary>Markdown tables.</summary>
    Md = 3,
}

/// <summary>A node's role; always <see cref="SingleNode"/> here.</summary>
public enum NodeType
{
    /// <summary>A single process.</summary>
    SingleNode,
    /// <summary>A cluster coordinator (not supported).</summary>
    Coordinator,
    /// <summary>A cluster agent (not supported).</summary>
    Agent,
}

/// <summary>A node's or scenario's operation.</summary>
public enum OperationType
{
    /// <summary>Nothing yet.</summary>
    None = 0,
    /// <summary>Initialising.</summary>
    Init = 1,
    /// <summary>Warming up.</summary>
    WarmUp = 2,
    /// <summary>The measured run.</summary>
    Bombing = 3,
    /// <summary>Stopping.</summary>
    Stop = 4,
    /// <summary>Finished.</summary>
    Complete = 5,
    /// <summary>Failed.</summary>
    Error = 6,
}
