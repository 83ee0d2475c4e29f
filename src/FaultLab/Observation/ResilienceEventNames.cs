namespace FaultLab;

/// <summary>The event names Polly reports through its telemetry (<c>resilience.polly.strategy.events</c>).</summary>
public static class ResilienceEventNames
{
    /// <summary>A retry was scheduled.</summary>
    public const string Retry = "OnRetry";

    /// <summary>An attempt of a retry or hedging strategy ended.</summary>
    public const string ExecutionAttempt = "ExecutionAttempt";

    /// <summary>A timeout strategy cancelled the call.</summary>
    public const string Timeout = "OnTimeout";

    /// <summary>The circuit opened.</summary>
    public const string CircuitOpened = "OnCircuitOpened";

    /// <summary>The circuit went half-open and lets a probe through.</summary>
    public const string CircuitHalfOpened = "OnCircuitHalfOpened";

    /// <summary>The circuit closed.</summary>
    public const string CircuitClosed = "OnCircuitClosed";

    /// <summary>A fallback answered instead of the failed call.</summary>
    public const string Fallback = "OnFallback";

    /// <summary>A hedged attempt was started.</summary>
    public const string Hedging = "OnHedging";

    /// <summary>A rate limiter rejected the call.</summary>
    public const string RateLimiterRejected = "OnRateLimiterRejected";
}
