namespace FaultLab.Testing;

/// <summary>How a call fared under one fault.</summary>
public enum MatrixOutcome
{
    /// <summary>It succeeded as if nothing had failed.</summary>
    Survived,

    /// <summary>It succeeded in a degraded way (for example a fallback answered).</summary>
    Degraded,

    /// <summary>It failed: an exception, an error status, a broken body, or it never ended.</summary>
    Failed,
}
