using System.Globalization;
using Microsoft.Extensions.Logging;

namespace FaultLab.Cli.Output;

/// <summary>
/// Logs as plain lines to the CLI's output: FaultLab's own categories from Information (one line per injected
/// fault: request line and fault name), everything else (ASP.NET Core, YARP) only from Warning, so the proxy's
/// console shows what it injected without the web host's chatter.
/// </summary>
internal sealed class LineLoggerProvider(TextWriter output, TimeProvider time) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new LineLogger(output, time,
        categoryName.StartsWith("FaultLab", StringComparison.Ordinal) ? LogLevel.Information : LogLevel.Warning);

    public void Dispose()
    {
        // Nothing to release: the writer belongs to the console.
    }

    private sealed class LineLogger(TextWriter output, TimeProvider time, LogLevel minimum) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            string line = string.Create(CultureInfo.InvariantCulture,
                $"{time.GetUtcNow():HH:mm:ss.fff} {Level(logLevel)} {formatter(state, exception)}");
            lock (output)
            {
                output.WriteLine(line);
            }
        }

        private static string Level(LogLevel level) => level switch
        {
            LogLevel.Information => "info",
            LogLevel.Warning => "warn",
            LogLevel.Error => "fail",
            LogLevel.Critical => "crit",
            _ => level.ToString().ToLowerInvariant(),
        };
    }
}
