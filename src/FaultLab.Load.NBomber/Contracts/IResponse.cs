namespace FaultLab.Load.NBomber.Contracts;

/// <summary>The outcome of a scenario iteration or a step, as NBomber's <c>IResponse</c>.</summary>
public interface IResponse
{
    /// <summary>Gets the status code as text ("200", "not found header"); empty when none.</summary>
    string StatusCode { get; }

    /// <summary>Gets whether the outcome is a failure.</summary>
    bool IsError { get; }

    /// <summary>Gets the transferred size in bytes.</summary>
    long SizeBytes { get; }

    /// <summary>Gets the message (usually the failure reason); empty when none.</summary>
    string Message { get; }
}
