namespace FaultLab.Load.NBomber.Http
{
    using FaultLab.Load.NBomber.Contracts;

    /// <summary>HTTP versions for <see cref="HttpMetricsPlugin"/>, as NBomber.Http's.</summary>
    public enum HttpVersion
    {
        /// <summary>HTTP/1.x.</summary>
        Version1,
        /// <summary>HTTP/2.</summary>
        Version2,
        /// <summary>HTTP/3.</summary>
        Version3,
    }

    /// <summary>NBomber.Http's connection-metrics plugin; declared so such code compiles. Registering it throws <see cref="NotSupportedException"/>.</summary>
    /// <param name="versions">The versions to watch.</param>
    public sealed class HttpMetricsPlugin(HttpVersion[] versions) : IWorkerPlugin
    {
        /// <summary>Gets the versions to watch.</summary>
        public IReadOnlyList<HttpVersion> Versions { get; } = versions;

        /// <inheritdoc />
        public string PluginName => "NBomber.Http.HttpMetricsPlugin";

        /// <inheritdoc />
        public void Dispose() { }
    }
}

namespace FaultLab.Load.NBomber.Plugins.Network.Ping
{
    using FaultLab.Load.NBomber.Contracts;

    /// <summary>NBomber's ping plugin settings; declared so such code compiles.</summary>
    /// <param name="Hosts">The hosts to ping.</param>
    public sealed record PingPluginConfig(IReadOnlyList<string> Hosts)
    {
        /// <summary>Settings pinging the given hosts.</summary>
        /// <param name="hosts">The hosts.</param>
        public static PingPluginConfig CreateDefault(params string[] hosts) => new(hosts);
    }

    /// <summary>NBomber's ping plugin; declared so such code compiles. Registering it throws <see cref="NotSupportedException"/>.</summary>
    /// <param name="config">The settings.</param>
    public sealed class PingPlugin(PingPluginConfig config) : IWorkerPlugin
    {
        /// <summary>Gets the settings.</summary>
        public PingPluginConfig Config { get; } = config;

        /// <inheritdoc />
        public string PluginName => "NBomber.Plugins.Network.PingPlugin";

        /// <inheritdoc />
        public void Dispose() { }
    }
}
