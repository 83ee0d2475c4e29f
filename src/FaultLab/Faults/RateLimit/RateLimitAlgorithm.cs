namespace FaultLab;

/// <summary>The rate-limiting algorithm a <see cref="RateLimitFault"/> simulates.</summary>
public enum RateLimitAlgorithm
{
    /// <summary>At most N requests per fixed window.</summary>
    FixedWindow,

    /// <summary>At most N requests in any sliding window.</summary>
    SlidingWindow,

    /// <summary>A bucket of N tokens refilled at a steady rate.</summary>
    TokenBucket,
}
