using FaultLab.Catalog;
using FaultLab.Configuration;
using FaultLab.Realization;

namespace FaultLab;

/// <summary>The server answers with something that is not HTTP (a non-HTTP service on the port, a broken proxy):
/// <see cref="HttpRequestException"/> "Received an invalid status line: '…'." with
/// <see cref="HttpRequestError.InvalidResponse"/>, no inner exception, as measured from a real socket.</summary>
[FaultKind("HttpRequestException \"Received an invalid status line: 'GARBAGE'.\", InvalidResponse: what the server sent is not HTTP.",
    Example = """{ "StatusLine": "SSH-2.0-OpenSSH_9.2" }""")]
public sealed class InvalidResponseFault : ExceptionFault
{
    /// <summary>Gets or sets the line the server sends instead of a status line. Defaults to <c>GARBAGE</c>.</summary>
    public string StatusLine { get; set; } = "GARBAGE";

    internal override void Validate(SettingPath path, List<string> errors)
    {
        base.Validate(path, errors);
        if (string.IsNullOrEmpty(StatusLine) || StatusLine.Contains('\r', StringComparison.Ordinal) || StatusLine.Contains('\n', StringComparison.Ordinal))
        {
            errors.Add($"{path[nameof(StatusLine)]}: must be one non-empty line (was '{StatusLine}').");
        }
    }

    internal override Exception CreateException(HttpRequestMessage? request) => NetworkErrors.InvalidStatusLine(StatusLine);
}
