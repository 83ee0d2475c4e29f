namespace FaultLab;

/// <summary>The family of rate-limit headers a 429 carries.</summary>
public enum RateLimitHeaderStyle
{
    /// <summary><c>RateLimit-Limit</c>, <c>RateLimit-Remaining</c>, <c>RateLimit-Reset</c> (delta seconds).</summary>
    Draft,

    /// <summary><c>X-RateLimit-Limit</c>, <c>X-RateLimit-Remaining</c>, <c>X-RateLimit-Reset</c> (epoch seconds).</summary>
    GitHub,
}
