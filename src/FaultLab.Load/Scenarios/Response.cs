namespace FaultLab.Load;

/// <summary>The outcome of one scenario iteration, as reported by the step function.</summary>
public sealed class Response
{
    private Response(bool isSuccess, int? statusCode, long sizeBytes, string? tag, string? message, string? status = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sizeBytes);

        IsSuccess = isSuccess;
        StatusCode = statusCode;
        SizeBytes = sizeBytes;
        Tag = tag;
        Message = message;
        Status = status ?? statusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Gets a value indicating whether the iteration counts as a success.</summary>
    public bool IsSuccess { get; }

    /// <summary>Gets the optional status code (usually HTTP) used for the status-code breakdown.</summary>
    public int? StatusCode { get; }

    /// <summary>
    /// Gets the status as text: the <see cref="StatusCode"/> as digits, or a code that is not an HTTP number
    /// ("not found header", "-101"), which the status-code breakdown then lists under this text. Null when none.
    /// </summary>
    public string? Status { get; }

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

    /// <summary>
    /// An outcome with a textual status code, as protocols other than HTTP (or NBomber scenarios) report them.
    /// A status of three digits from 100 to 999 also sets <see cref="StatusCode"/>, so "200" and 200 are the same
    /// breakdown entry; any other text is listed as it is. An empty or null status means none.
    /// </summary>
    /// <param name="isSuccess">True when the iteration counts as a success.</param>
    /// <param name="status">The status text, or null.</param>
    /// <param name="sizeBytes">Payload size in bytes, zero or more.</param>
    /// <param name="message">Optional failure description.</param>
    /// <param name="tag">Optional tag for the per-tag breakdown.</param>
    public static Response Create(bool isSuccess, string? status, long sizeBytes = 0, string? message = null, string? tag = null)
    {
        if (string.IsNullOrEmpty(status))
        {
            return new(isSuccess, null, sizeBytes, tag, message);
        }

        int? code = status.Length == 3 && int.TryParse(status, System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var number) && number >= 100 ? number : null;
        return new(isSuccess, code, sizeBytes, tag, message, status);
    }
}
