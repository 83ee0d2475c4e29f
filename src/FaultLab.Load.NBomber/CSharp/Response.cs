namespace FaultLab.Load.NBomber.CSharp;

using FaultLab.Load.NBomber.Contracts;

/// <summary>
/// Builds iteration and step outcomes, as NBomber's <c>Response</c>. Status codes are text; one of three digits
/// ("200", "503") is the same entry as FaultLab's numeric HTTP code in every breakdown.
/// </summary>
public static class Response
{
    /// <summary>A success without status or payload.</summary>
    public static Response<object> Ok() => new("", false, 0, "", Option<object>.None);

    /// <summary>A failure without status or payload.</summary>
    public static Response<object> Fail() => new("", true, 0, "", Option<object>.None);

    /// <summary>A success.</summary>
    /// <param name="statusCode">The status code as text.</param>
    /// <param name="sizeBytes">The transferred size.</param>
    /// <param name="message">A message.</param>
    public static Response<object> Ok(string statusCode = "", long sizeBytes = 0, string message = "") =>
        Make<object>(false, default, false, statusCode, sizeBytes, message);

    /// <summary>A typed success without payload.</summary>
    /// <typeparam name="T">The payload type.</typeparam>
    /// <param name="statusCode">The status code as text.</param>
    /// <param name="sizeBytes">The transferred size.</param>
    /// <param name="message">A message.</param>
    public static Response<T> Ok<T>(string statusCode = "", long sizeBytes = 0, string message = "") =>
        Make<T>(false, default, false, statusCode, sizeBytes, message);

    /// <summary>A success carrying a payload (for the next steps).</summary>
    /// <typeparam name="T">The payload type.</typeparam>
    /// <param name="payload">The payload.</param>
    /// <param name="statusCode">The status code as text.</param>
    /// <param name="sizeBytes">The transferred size.</param>
    /// <param name="message">A message.</param>
    public static Response<T> Ok<T>(T payload, string statusCode = "", long sizeBytes = 0, string message = "") =>
        Make(false, payload, true, statusCode, sizeBytes, message);

    /// <summary>A failure.</summary>
    /// <param name="statusCode">The status code as text.</param>
    /// <param name="message">The failure reason.</param>
    /// <param name="sizeBytes">The transferred size.</param>
    public static Response<object> Fail(string statusCode = "", string message = "", long sizeBytes = 0) =>
        Make<object>(true, default, false, statusCode, sizeBytes, message);

    /// <summary>A typed failure without payload.</summary>
    /// <typeparam name="T">The payload type.</typeparam>
    /// <param name="statusCode">The status code as text.</param>
    /// <param name="message">The failure reason.</param>
    /// <param name="sizeBytes">The transferred size.</param>
    public static Response<T> Fail<T>(string statusCode = "", string message = "", long sizeBytes = 0) =>
        Make<T>(true, default, false, statusCode, sizeBytes, message);

    /// <summary>A failure carrying a payload.</summary>
    /// <typeparam name="T">The payload type.</typeparam>
    /// <param name="payload">The payload.</param>
    /// <param name="statusCode">The status code as text.</param>
    /// <param name="message">The failure reason.</param>
    /// <param name="sizeBytes">The transferred size.</param>
    public static Response<T> Fail<T>(T payload, string statusCode = "", string message = "", long sizeBytes = 0) =>
        Make(true, payload, true, statusCode, sizeBytes, message);

    private static Response<T> Make<T>(bool isError, T? payload, bool hasPayload, string? statusCode, long sizeBytes, string? message)
    {
        if (sizeBytes < 0)
            throw new ArgumentOutOfRangeException(nameof(sizeBytes), sizeBytes, "sizeBytes must not be negative.");
        return new(statusCode ?? "", isError, sizeBytes, message ?? "", hasPayload ? new Option<T>(payload!) : Option<T>.None);
    }
}
