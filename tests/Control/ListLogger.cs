using Microsoft.Extensions.Logging;

namespace FaultLab.Control.Tests;

/// <summary>Keeps every log line (level and formatted message) and every category a logger was created for, so a test
/// can assert what was logged and under which category.</summary>
internal sealed class ListLogger : ILoggerProvider, ILogger
{
    private readonly List<(LogLevel Level, string Message)> _lines = [];
    private readonly List<string> _categories = [];

    public IReadOnlyList<string> Categories
    {
        get
        {
            lock (_categories)
            {
                return [.. _categories];
            }
        }
    }

    public IReadOnlyList<(LogLevel Level, string Message)> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public ILoggerFactory Factory() => LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(this));

    public ILogger CreateLogger(string categoryName)
    {
        lock (_categories)
        {
            _categories.Add(categoryName);
        }

        return this;
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_lines)
        {
            _lines.Add((logLevel, formatter(state, exception)));
        }
    }

    public void Dispose()
    {
    }
}
