using System.Collections.Concurrent;
using FaultLab.Load.NBomber;
using FaultLab.Load.NBomber.Contracts.Stats;
using Microsoft.Extensions.Logging;

namespace LoadNBomber.Tests;

/// <summary>
/// Wraps one run of an unchanged NBomber program: compresses its time, sends its reports to a private folder (via an
/// NBomber JSON config, as a user would), captures what <c>context.Logger</c> wrote and the statistics it discarded.
/// </summary>
internal sealed class CompatRun : IDisposable
{
    private readonly List<IDisposable> _scopes = [];

    public CompatRun(double timeScale, string? extraConfig = null)
    {
        Folder = Directory.CreateTempSubdirectory("nbomber-compat-").FullName;
        var configPath = Path.Combine(Folder, "override-config.json");
        File.WriteAllText(configPath, extraConfig ?? $$"""{ "GlobalSettings": { "ReportFolder": "{{Folder.Replace("\\", "\\\\")}}" } }""");
        _scopes.Add(NBomberOverrides.UseTimeScale(timeScale));
        _scopes.Add(NBomberOverrides.UseConfig(configPath));
        _scopes.Add(NBomberOverrides.UseLoggerFactory(new CapturingLoggerFactory(Logs)));
        _scopes.Add(NBomberOverrides.ObserveResults(Results.Enqueue));
    }

    public string Folder { get; }
    public ConcurrentQueue<string> Logs { get; } = new();
    public ConcurrentQueue<NodeStats> Results { get; } = new();

    /// <summary>The single run's statistics.</summary>
    public NodeStats Stats => Assert.Single(Results);

    public string[] ReportFiles(string extension) => Directory.GetFiles(Folder, "*" + extension);

    public void Dispose()
    {
        for (var i = _scopes.Count - 1; i >= 0; i--)
            _scopes[i].Dispose();
    }

    private sealed class CapturingLoggerFactory(ConcurrentQueue<string> sink) : ILoggerFactory
    {
        public ILogger CreateLogger(string categoryName) => new Logger(sink);
        public void AddProvider(ILoggerProvider provider) { }
        public void Dispose() { }

        private sealed class Logger(ConcurrentQueue<string> sink) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                sink.Enqueue(formatter(state, exception));
        }
    }
}
