namespace FaultLab.Load.NBomber.Contracts;

/// <summary>A typed outcome carrying an optional payload, as NBomber's <c>Response&lt;T&gt;</c>.</summary>
/// <typeparam name="T">The payload type.</typeparam>
/// <param name="StatusCode">The status code as text; empty when none.</param>
/// <param name="IsError">Whether the outcome is a failure.</param>
/// <param name="SizeBytes">The transferred size in bytes.</param>
/// <param name="Message">The message; empty when none.</param>
/// <param name="Payload">The payload, or none.</param>
public sealed record Response<T>(string StatusCode, bool IsError, long SizeBytes, string Message, Option<T> Payload) : IResponse;
