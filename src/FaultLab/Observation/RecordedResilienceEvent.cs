using Polly.Telemetry;

namespace FaultLab;

/// <summary>One Polly telemetry event, copied out when it happened (Polly reuses its arguments and contexts).</summary>
/// <param name="Name">The event name (see <see cref="ResilienceEventNames"/>).</param>
/// <param name="Severity">The event's severity.</param>
/// <param name="PipelineName">The pipeline's name (for the standard handler, <c>{client}-standard</c>).</param>
/// <param name="StrategyName">The strategy's name (for example <c>Standard-Retry</c>).</param>
/// <param name="At">When it happened, on the observer's clock.</param>
/// <param name="AttemptNumber">The attempt number, for retry, attempt and hedging events (0 is the first attempt).</param>
/// <param name="Delay">The retry delay chosen, for <see cref="ResilienceEventNames.Retry"/>.</param>
/// <param name="StatusCode">The outcome's HTTP status, when it was a response.</param>
/// <param name="Exception">The outcome's exception, when it was one.</param>
public sealed record RecordedResilienceEvent(string Name, ResilienceEventSeverity Severity, string? PipelineName, string? StrategyName,
    DateTimeOffset At, int? AttemptNumber, TimeSpan? Delay, int? StatusCode, Exception? Exception);
