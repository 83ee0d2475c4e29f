namespace FaultLab.Load;

/// <summary>The outcome of one scenario iteration, as reported by the step function.</summary>
public sealed class Response
{
    private Response(bool isSuccess, int? statusCode, long sizeBytes, string? tag, string? message)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sizeBytes);

        IsSuccess = isSuccess;
        StatusCode = statusCode;
        SizeBytes = sizeBytes;
        Tag = tag;
        Message = message;
    }

    /// <summary>Gets a value indicating whether the iteration counts as a success.</summary>
    public bool IsSuccess { get; }

    /// <summary>Gets the optional status code (usually HTTP) used for the status-code breakdown.</summary>
    public int? StatusCode { get; }

    /// <summary>Gets the payload size in bytes, summed into the transferred-bytes total.</summary>
    public long SizeBytes { get; }

    /// <summary>Gets the optional tag used for the per-tag breakdown and per-tag thresholds.</summary>
    public string? Tag { get; }

    /// <summary>Gets the optional failure description.</summary>
    public string? Message { get; }

    /// <summary>A successful iteration.</summary>
    /// <param name="statusCode">Optional status code.</param>
    /// <param name="sizeBytes">Optional payload size in bytes.</param>
    /// <param name="tag">Optional tag for the per-tag breakdown.</param>
    public static Response Ok(int? statusCode = null, long sizeBytes = 0, string? tag = null) =>
        new(true, statusCode, sizeBytes, tag, null);

    /// <summary>A failed iteration.</summary>
    /// <param name="statusCode">Optional status code.</param>
    /// <param name="message">Optional failure description.</param>
    /// <param name="tag">Optional tag for the per-tag breakdown.</param>
    /// <param name="sizeBytes">Optional payload size in bytes, zero or more.</param>
    public static Response Fail(int? statusCode = null, string? message = null, string? tag = null, long sizeBytes = 0) =>
        new(false, statusCode, sizeBytes, tag, message);
}
