using Microsoft.Extensions.Logging;

namespace FaultLab.Load.NBomber.Contracts;

/// <summary>
/// The logger scenarios see as <c>context.Logger</c>: Serilog's method names (<c>Verbose</c>, <c>Debug</c>,
/// <c>Information</c>, <c>Warning</c>, <c>Error</c>, <c>Fatal</c>) with message templates, written to the run's
/// <see cref="ILoggerFactory"/> (set with <c>WithLoggerFactory</c>; none by default).
/// </summary>
public sealed class ScenarioLogger
{
    private readonly ILogger _logger;

    internal ScenarioLogger(ILogger logger) => _logger = logger;

    /// <summary>Writes a verbose (trace) message.</summary>
    /// <param name="messageTemplate">The message template.</param>
    /// <param name="propertyValues">The template's values.</param>
    public void Verbose(string? messageTemplate, params object?[] propertyValues) => Write(LogLevel.Trace, null, messageTemplate, propertyValues);

    /// <summary>Writes a debug message.</summary>
    /// <param name="messageTemplate">The message template.</param>
    /// <param name="propertyValues">The template's values.</param>
    public void Debug(string? messageTemplate, params object?[] propertyValues) => Write(LogLevel.Debug, null, messageTemplate, propertyValues);

    /// <summary>Writes an information message.</summary>
    /// <param name="messageTemplate">The message template.</param>
    /// <param name="propertyValues">The template's values.</param>
    public void Information(string? messageTemplate, params object?[] propertyValues) => Write(LogLevel.Information, null, messageTemplate, propertyValues);

    /// <summary>Writes a warning.</summary>
    /// <param name="messageTemplate">The message template.</param>
    /// <param name="propertyValues">The template's values.</param>
    public void Warning(string? messageTemplate, params object?[] propertyValues) => Write(LogLevel.Warning, null, messageTemplate, propertyValues);

    /// <summary>Writes a warning with an exception.</summary>
    /// <param name="exception">The exception.</param>
    /// <param name="messageTemplate">The message template.</param>
    /// <param name="propertyValues">The template's values.</param>
    public void Warning(Exception? exception, string? messageTemplate, params object?[] propertyValues) => Write(LogLevel.Warning, exception, messageTemplate, propertyValues);

    /// <summary>Writes an error.</summary>
    /// <param name="messageTemplate">The message template.</param>
    /// <param name="propertyValues">The template's values.</param>
    public void Error(string? messageTemplate, params object?[] propertyValues) => Write(LogLevel.Error, null, messageTemplate, propertyValues);

    /// <summary>Writes an error with an exception.</summary>
    /// <param name="exception">The exception.</param>
    /// <param name="messageTemplate">The message template.</param>
    /// <param name="propertyValues">The template's values.</param>
    public void Error(Exception? exception, string? messageTemplate, params object?[] propertyValues) => Write(LogLevel.Error, exception, messageTemplate, propertyValues);

    /// <summary>Writes a fatal error.</summary>
    /// <param name="messageTemplate">The message template.</param>
    /// <param name="propertyValues">The template's values.</param>
    public void Fatal(string? messageTemplate, params object?[] propertyValues) => Write(LogLevel.Critical, null, messageTemplate, propertyValues);

    /// <summary>Writes a fatal error with an exception.</summary>
    /// <param name="exception">The exception.</param>
    /// <param name="messageTemplate">The message template.</param>
    /// <param name="propertyValues">The template's values.</param>
    public void Fatal(Exception? exception, string? messageTemplate, params object?[] propertyValues) => Write(LogLevel.Critical, exception, messageTemplate, propertyValues);

    private void Write(LogLevel level, Exception? exception, string? template, object?[] values)
    {
        if (!_logger.IsEnabled(level))
            return;
#pragma warning disable CA2254 // the template comes from the scenario, as with Serilog
        _logger.Log(level, exception, template ?? "", values);
#pragma warning restore CA2254
    }
}
