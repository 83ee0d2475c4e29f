namespace FaultLab.Control;

/// <summary>The control API refused a request; <see cref="Errors"/> names each offending setting's path.</summary>
public sealed class FaultControlException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="FaultControlException"/> class.</summary>
    /// <param name="statusCode">The HTTP status the control API answered with.</param>
    /// <param name="message">What was refused.</param>
    /// <param name="errors">Every problem the API reported.</param>
    public FaultControlException(int statusCode, string message, IReadOnlyList<string> errors)
        : base(errors.Count == 0 ? message : message + " " + string.Join(" ", errors))
    {
        StatusCode = statusCode;
        Errors = errors;
    }

    /// <summary>Gets the HTTP status code: 400 for an invalid body, 404 for an unknown fault or lease, 403 for a remote caller.</summary>
    public int StatusCode { get; }

    /// <summary>Gets every problem reported, each naming its setting (for example <c>StatusCode: must be an error status ...</c>).</summary>
    public IReadOnlyList<string> Errors { get; }
}
