namespace FaultLab;

/// <summary>What a <see cref="RateLimitFault"/> keeps separate limits for.</summary>
public enum RateLimitPartition
{
    /// <summary>One limit for every request.</summary>
    None,

    /// <summary>One limit per request host.</summary>
    Host,

    /// <summary>One limit per value of a request header (an API key, a tenant).</summary>
    Header,
}
