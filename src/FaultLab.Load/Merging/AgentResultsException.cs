namespace FaultLab.Load;

/// <summary>
/// Agent results that cannot be merged: a file missing or unreadable, not an agent's result, agents missing or
/// given twice, or results of different schedules. The message says which file and why.
/// </summary>
public sealed class AgentResultsException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, naming the file(s).</param>
    public AgentResultsException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    /// <param name="message">What is wrong, naming the file(s).</param>
    /// <param name="innerException">The underlying read or parse error.</param>
    public AgentResultsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
