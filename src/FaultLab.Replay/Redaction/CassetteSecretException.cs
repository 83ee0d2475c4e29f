namespace FaultLab.Replay;

/// <summary>
/// Thrown instead of writing an interaction that still holds something shaped like a secret after redaction. The
/// cassette on disk is left as it was; redact the value (<see cref="CassetteRedaction"/>) and record again.
/// </summary>
public sealed class CassetteSecretException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="CassetteSecretException"/> class.</summary>
    /// <param name="cassettePath">The cassette that was about to be written.</param>
    /// <param name="findings">What was found where, without the secrets themselves.</param>
    public CassetteSecretException(string cassettePath, IReadOnlyList<string> findings)
        : base($"Refusing to write cassette '{cassettePath}': it would contain {string.Join("; ", findings)}. "
            + "Redact it with CassetteOptions.Redaction (headers, query parameters, JSON fields) or set ScanForSecrets = false for fake test secrets.")
    {
        CassettePath = cassettePath;
        Findings = findings;
    }

    /// <summary>Gets the full path of the cassette.</summary>
    public string CassettePath { get; }

    /// <summary>Gets each finding: the kind of secret and where it was, never the secret in full.</summary>
    public IReadOnlyList<string> Findings { get; }
}
