namespace FaultLab.Load.NBomber.Contracts;

/// <summary>NBomber's real-time reporting sink; declared so such code compiles, but registering one is not supported.</summary>
public interface IReportingSink : IDisposable
{
    /// <summary>Gets the sink's name.</summary>
    string SinkName { get; }
}

/// <summary>NBomber's background worker plugin; declared so such code compiles, but registering one is not supported.</summary>
public interface IWorkerPlugin : IDisposable
{
    /// <summary>Gets the plugin's name.</summary>
    string PluginName { get; }
}
