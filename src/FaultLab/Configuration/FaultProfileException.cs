namespace FaultLab;

/// <summary>A fault profile or proxy setting is invalid; <see cref="Errors"/> names each offending setting by its path.</summary>
public sealed class FaultProfileException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="FaultProfileException"/> class.</summary>
    /// <param name="source">What was being read (a file path, "options").</param>
    /// <param name="errors">Every problem found, each naming its setting.</param>
    public FaultProfileException(string source, IReadOnlyList<string> errors)
        : base($"Invalid fault profile ({source}): {string.Join(" ", errors)}")
    {
        Errors = errors;
    }

    /// <summary>Gets every problem found, each naming its setting's path.</summary>
    public IReadOnlyList<string> Errors { get; }
}
